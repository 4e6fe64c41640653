#include "core/sql/DriftSummary.h"

#include <QStringList>
#include <set>
#include <tuple>

namespace gh::sql {

namespace {

// The order of the sections (Prisma's DriftType).
enum class Section {
    AddedSchema,
    AddedEnum,
    AddedTable,
    RemovedEnum,
    RemovedTable,
    RedefinedTable,
    ChangedEnum,
    ChangedTable,
};

QString arityName(ColumnArity arity)
{
    switch (arity) {
    case ColumnArity::Required:
        return QStringLiteral("Required");
    case ColumnArity::Nullable:
        return QStringLiteral("Nullable");
    case ColumnArity::List:
        return QStringLiteral("List");
    }
    return QString();
}

// Rust's Debug of Option<DefaultKind>: `None`, `Some(Now)`, `Some(Value(String("x")))`, ...
QString scalarDebug(const ScalarValue &value)
{
    const auto quoted = [](const QString &text) {
        QString escaped = text;
        escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        escaped.replace(QLatin1Char('"'), QLatin1String("\\\""));
        return QLatin1Char('"') + escaped + QLatin1Char('"');
    };
    switch (value.kind) {
    case ScalarValue::Kind::String:
        return QStringLiteral("String(%1)").arg(quoted(value.text));
    case ScalarValue::Kind::Enum:
        return QStringLiteral("Enum(%1)").arg(quoted(value.text));
    case ScalarValue::Kind::Json:
        return QStringLiteral("Json(%1)").arg(quoted(value.text));
    case ScalarValue::Kind::Boolean:
        return QStringLiteral("Boolean(%1)").arg(value.text);
    case ScalarValue::Kind::Int:
        return QStringLiteral("Int(%1)").arg(value.text);
    case ScalarValue::Kind::BigInt:
        return QStringLiteral("BigInt(%1)").arg(value.text);
    case ScalarValue::Kind::Float:
        return QStringLiteral("Float(BigDecimal(\"%1\"))").arg(value.text);
    case ScalarValue::Kind::DateTime:
        return QStringLiteral("DateTime(%1)").arg(value.text);
    case ScalarValue::Kind::Bytes: {
        QStringList bytes;
        for (const char byte : value.bytes)
            bytes.append(QString::number(uchar(byte)));
        return QStringLiteral("Bytes([%1])").arg(bytes.join(QLatin1String(", ")));
    }
    case ScalarValue::Kind::List: {
        QStringList elements;
        for (const ScalarValue &element : value.list)
            elements.append(scalarDebug(element));
        return QStringLiteral("List([%1])").arg(elements.join(QLatin1String(", ")));
    }
    }
    return QString();
}

QString defaultDebug(const std::optional<DefaultValue> &value)
{
    if (!value)
        return QStringLiteral("None");
    switch (value->kind) {
    case DefaultValue::Kind::Now:
        return QStringLiteral("Some(Now)");
    case DefaultValue::Kind::Value:
        return QStringLiteral("Some(Value(%1))").arg(scalarDebug(value->value));
    case DefaultValue::Kind::DbGenerated:
        if (!value->expression)
            return QStringLiteral("Some(DbGenerated(None))");
        return QStringLiteral("Some(DbGenerated(Some(\"%1\")))").arg(*value->expression);
    case DefaultValue::Kind::Sequence:
        return QStringLiteral("Some(Sequence(\"%1\"))").arg(value->expression.value_or(QString()));
    case DefaultValue::Kind::UniqueRowid:
        return QStringLiteral("Some(UniqueRowid)");
    }
    return QString();
}

QString columnChanges(const Column &previous, const Column &next, const ColumnChanges &changes)
{
    QStringList readable;
    if (changes.arityChanged())
        readable.append(QStringLiteral("changed from %1 to %2")
                            .arg(arityName(previous.type.arity), arityName(next.type.arity)));
    if (changes.defaultChanged())
        readable.append(
            QStringLiteral("default changed from `%1` to `%2`")
                .arg(defaultDebug(previous.defaultValue), defaultDebug(next.defaultValue)));
    if (changes.typeChanged())
        readable.append(QStringLiteral("type changed"));
    if (changes.autoincrementChanged())
        readable.append(previous.autoIncrement
                            ? QStringLiteral("column is no longer autoincrementing")
                            : QStringLiteral("column became autoincrementing"));
    return QLatin1Char('(') + readable.join(QLatin1String(", ")) + QLatin1Char(')');
}

QString primaryKeyColumns(const Table &table)
{
    const Index *pk = table.primaryKey();
    return pk ? table.columnNames(*pk).join(QLatin1String(", ")) : QString();
}

} // namespace

QString DriftSummary::render(const Migration &migration)
{
    if (migration.steps.empty())
        return QStringLiteral("No difference detected.");
    const SqlSchema &previous = migration.previous;
    const SqlSchema &next = migration.next;

    // (section, item name, step index), sorted as Prisma's BTreeSet sorts them.
    std::set<std::tuple<Section, QString, int>> items;
    for (int i = 0; i < int(migration.steps.size()); ++i) {
        const MigrationStep &step = migration.steps.at(size_t(i));
        switch (step.kind) {
        case MigrationStep::Kind::CreateSchema:
            items.insert({Section::AddedSchema, QString(), i});
            break;
        case MigrationStep::Kind::CreateEnum:
            items.insert({Section::AddedEnum, QString(), i});
            break;
        case MigrationStep::Kind::AlterEnum:
            items.insert({Section::ChangedEnum, previous.enums().at(step.ids.previous).name, i});
            break;
        case MigrationStep::Kind::DropForeignKey:
            items.insert({Section::ChangedTable,
                          previous.table(previous.foreignKeys().at(step.id).table).name, i});
            break;
        case MigrationStep::Kind::DropIndex:
            items.insert({Section::ChangedTable, previous.table(step.index.table).name, i});
            break;
        case MigrationStep::Kind::AlterTable:
            items.insert({Section::ChangedTable, previous.table(step.ids.previous).name, i});
            break;
        case MigrationStep::Kind::DropTable:
            items.insert({Section::RemovedTable, QString(), i});
            break;
        case MigrationStep::Kind::DropEnum:
            items.insert({Section::RemovedEnum, QString(), i});
            break;
        case MigrationStep::Kind::CreateTable:
            items.insert({Section::AddedTable, QString(), i});
            break;
        case MigrationStep::Kind::RedefineTables:
            for (const RedefineTable &table : step.redefinedTables)
                items.insert(
                    {Section::RedefinedTable, previous.table(table.tables.previous).name, i});
            break;
        case MigrationStep::Kind::RenameForeignKey:
            items.insert({Section::ChangedTable,
                          next.table(next.foreignKeys().at(step.ids.next).table).name, i});
            break;
        case MigrationStep::Kind::CreateIndex:
            items.insert({Section::ChangedTable, next.table(step.index.table).name, i});
            break;
        case MigrationStep::Kind::AddForeignKey:
            items.insert(
                {Section::ChangedTable, next.table(next.foreignKeys().at(step.id).table).name, i});
            break;
        case MigrationStep::Kind::RenameIndex:
        case MigrationStep::Kind::RedefineIndex:
            items.insert({Section::ChangedTable, previous.table(step.index.table).name, i});
            break;
        }
    }

    QString out;
    bool first = true;
    std::pair<Section, QString> state{Section::AddedEnum, QString()};
    for (const auto &[section, name, index] : items) {
        if (first || state != std::pair{section, name}) {
            switch (section) {
            case Section::AddedSchema:
                out += QLatin1String("\n[+] Added Schemas\n");
                break;
            case Section::AddedEnum:
                out += QLatin1String("\n[+] Added enums\n");
                break;
            case Section::AddedTable:
                out += QLatin1String("\n[+] Added tables\n");
                break;
            case Section::RemovedEnum:
                out += QLatin1String("\n[-] Removed enums\n");
                break;
            case Section::RemovedTable:
                out += QLatin1String("\n[-] Removed tables\n");
                break;
            case Section::RedefinedTable:
                out += QLatin1String("\n[*] Redefined table `") + name + QLatin1String("`\n");
                break;
            case Section::ChangedEnum:
                out += QLatin1String("\n[*] Changed the `") + name + QLatin1String("` enum\n");
                break;
            case Section::ChangedTable:
                out += QLatin1String("\n[*] Changed the `") + name + QLatin1String("` table\n");
                break;
            }
        }
        first = false;
        state = {section, name};

        const MigrationStep &step = migration.steps.at(size_t(index));
        switch (step.kind) {
        case MigrationStep::Kind::CreateSchema:
            out += QLatin1String("  - ") + next.namespaces().at(step.id) + QLatin1Char('\n');
            break;
        case MigrationStep::Kind::CreateEnum:
            out += QLatin1String("  - ") + next.enums().at(step.id).name + QLatin1Char('\n');
            break;
        case MigrationStep::Kind::DropEnum:
            out += QLatin1String("  - ") + previous.enums().at(step.id).name + QLatin1Char('\n');
            break;
        case MigrationStep::Kind::CreateTable:
            out += QLatin1String("  - ") + next.table(step.id).name + QLatin1Char('\n');
            break;
        case MigrationStep::Kind::DropTable:
            out += QLatin1String("  - ") + previous.table(step.id).name + QLatin1Char('\n');
            break;
        case MigrationStep::Kind::AlterEnum:
            for (const QString &value : step.createdValues)
                out += QLatin1String("  [+] Added variant `") + value + QLatin1String("`\n");
            for (const QString &value : step.droppedValues)
                out += QLatin1String("  [-] Removed variant `") + value + QLatin1String("`\n");
            break;
        case MigrationStep::Kind::DropForeignKey: {
            const ForeignKey &fk = previous.foreignKeys().at(step.id);
            QStringList columns;
            for (const int c : fk.columns)
                columns.append(previous.table(fk.table).columns.at(c).name);
            out += QLatin1String("  [-] Removed foreign key on columns (") +
                   columns.join(QLatin1String(", ")) + QLatin1String(")\n");
            break;
        }
        case MigrationStep::Kind::AddForeignKey: {
            const ForeignKey &fk = next.foreignKeys().at(step.id);
            QStringList columns;
            for (const int c : fk.columns)
                columns.append(next.table(fk.table).columns.at(c).name);
            out += QLatin1String("  [+] Added foreign key on columns (") +
                   columns.join(QLatin1String(", ")) + QLatin1String(")\n");
            break;
        }
        case MigrationStep::Kind::DropIndex:
        case MigrationStep::Kind::CreateIndex: {
            const bool drop = step.kind == MigrationStep::Kind::DropIndex;
            const Table &table = (drop ? previous : next).table(step.index.table);
            const Index &index = table.indexes.at(step.index.column);
            out += drop ? QLatin1String("  [-] Removed ") : QLatin1String("  [+] Added ");
            if (index.isUnique())
                out += QLatin1String("unique ");
            out += QLatin1String("index on columns (") +
                   table.columnNames(index).join(QLatin1String(", ")) + QLatin1String(")\n");
            break;
        }
        case MigrationStep::Kind::AlterTable: {
            const Table &before = previous.table(step.ids.previous);
            const Table &after = next.table(step.ids.next);
            for (const TableChange &change : step.changes) {
                switch (change.kind) {
                case TableChange::Kind::AddColumn:
                    out += QLatin1String("  [+] Added column `") +
                           after.columns.at(change.column.next).name + QLatin1String("`\n");
                    break;
                case TableChange::Kind::AlterColumn:
                    out += QLatin1String("  [*] Altered column `") +
                           after.columns.at(change.column.next).name + QLatin1String("` ") +
                           columnChanges(before.columns.at(change.column.previous),
                                         after.columns.at(change.column.next), change.changes) +
                           QLatin1Char('\n');
                    break;
                case TableChange::Kind::DropColumn:
                    out += QLatin1String("  [-] Removed column `") +
                           before.columns.at(change.column.previous).name + QLatin1String("`\n");
                    break;
                case TableChange::Kind::DropAndRecreateColumn:
                    out += QLatin1String("  [*] Column `") +
                           after.columns.at(change.column.next).name +
                           QLatin1String("` would be dropped and recreated ") +
                           columnChanges(before.columns.at(change.column.previous),
                                         after.columns.at(change.column.next), change.changes) +
                           QLatin1Char('\n');
                    break;
                case TableChange::Kind::DropPrimaryKey:
                    out += QLatin1String("  [-] Dropped the primary key on columns (") +
                           primaryKeyColumns(before) + QLatin1String(")\n");
                    break;
                case TableChange::Kind::RenamePrimaryKey:
                    out += QLatin1String("  [*] Renamed the primary key on columns (") +
                           primaryKeyColumns(before) + QLatin1String(")\n");
                    break;
                case TableChange::Kind::AddPrimaryKey:
                    // Prisma closes this line's parenthesis twice.
                    out += QLatin1String("  [+] Added primary key on columns (") +
                           primaryKeyColumns(after) + QLatin1String(")\n)\n");
                    break;
                }
            }
            break;
        }
        case MigrationStep::Kind::RenameForeignKey:
            out += QLatin1String("  [*] Renamed the foreign key \"") +
                   previous.foreignKeys().at(step.ids.previous).constraintName +
                   QLatin1String("\" to \"") + next.foreignKeys().at(step.ids.next).constraintName +
                   QLatin1String("\"\n");
            break;
        case MigrationStep::Kind::RenameIndex:
            out += QLatin1String("  [*] Renamed index `") +
                   previous.table(step.index.table).indexes.at(step.index.column).name +
                   QLatin1String("` to `") +
                   next.table(step.nextIndex.table).indexes.at(step.nextIndex.column).name +
                   QLatin1String("`\n");
            break;
        case MigrationStep::Kind::RedefineIndex:
            out += QLatin1String("  [*] Redefined index `") +
                   previous.table(step.index.table).indexes.at(step.index.column).name +
                   QLatin1String("`\n");
            break;
        case MigrationStep::Kind::RedefineTables:
            break;
        }
    }
    return out;
}

} // namespace gh::sql
