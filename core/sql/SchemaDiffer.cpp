#include "core/sql/SchemaDiffer.h"

#include "core/sql/ColumnDiffer.h"
#include "core/sql/IndexPredicate.h"
#include "core/sql/SqlFlavour.h"

#include <QHash>
#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace gh::sql {

namespace {

const QLatin1String kMigrationsTable("_prisma_migrations");

struct ColumnEntry
{
    int previous = -1;
    int next = -1;
    ColumnChanges changes; // for pairs
};

/// A table present in both schemas, with its columns matched by name (in name order, as
/// Prisma's BTreeMap keeps them).
struct TablePair
{
    int previous = -1;
    int next = -1;
    std::map<QString, ColumnEntry> columns;
};

class Differ
{
public:
    Differ(const SqlSchema &previous, const SqlSchema &next, const SqlFlavour &flavour)
        : m_previous(previous)
        , m_next(next)
        , m_flavour(flavour)
        , m_partialIndexes(previous.hasPartialIndexes() || next.hasPartialIndexes())
    {
        matchTables();
        if (m_flavour.redefinesTables())
            findTablesToRedefine();
    }

    std::vector<MigrationStep> steps()
    {
        pushCreatedNamespaces();
        pushCreatedTables();
        pushDroppedTables();
        pushDroppedIndexes();
        pushCreatedIndexes();
        pushAlteredTables();
        pushRedefinedTables();
        if (m_flavour.hasNativeEnums())
            pushEnumSteps();
        std::stable_sort(m_steps.begin(), m_steps.end());
        applyPartialOrderPermutations();
        return std::move(m_steps);
    }

private:
    // --- Matching ------------------------------------------------------------------------

    bool ignored(const Table &table) const
    {
        return table.name == kMigrationsTable || m_flavour.ignoresTable(table.name);
    }

    static QString tableKey(const SqlSchema &schema, const Table &table)
    {
        return schema.namespaceName(table.namespaceId) + QLatin1Char('\x1f') + table.name;
    }

    void matchTables()
    {
        QHash<QString, int> byKey;
        for (int t = 0; t < m_previous.tables().size(); ++t) {
            const Table &table = m_previous.table(t);
            if (ignored(table))
                continue;
            byKey.insert(tableKey(m_previous, table), int(m_tableEntries.size()));
            m_tableEntries.push_back({t, -1});
        }
        for (int t = 0; t < m_next.tables().size(); ++t) {
            const Table &table = m_next.table(t);
            if (ignored(table))
                continue;
            const auto found = byKey.constFind(tableKey(m_next, table));
            if (found == byKey.constEnd()) {
                m_tableEntries.push_back({-1, t});
                continue;
            }
            m_tableEntries[*found].second = t;
        }
        for (const auto &[previous, next] : m_tableEntries) {
            if (previous < 0 || next < 0)
                continue;
            TablePair pair;
            pair.previous = previous;
            pair.next = next;
            const Table &before = m_previous.table(previous);
            const Table &after = m_next.table(next);
            for (int c = 0; c < before.columns.size(); ++c)
                pair.columns[before.columns.at(c).name].previous = c;
            for (int c = 0; c < after.columns.size(); ++c)
                pair.columns[after.columns.at(c).name].next = c;
            for (auto &[name, entry] : pair.columns) {
                if (entry.previous >= 0 && entry.next >= 0)
                    entry.changes = ColumnDiffer::changes(before.columns.at(entry.previous),
                                                          after.columns.at(entry.next), m_flavour);
            }
            m_pairs.push_back(std::move(pair));
        }
    }

    const Table &previousTable(const TablePair &pair) const
    {
        return m_previous.table(pair.previous);
    }
    const Table &nextTable(const TablePair &pair) const { return m_next.table(pair.next); }

    static std::vector<const ColumnEntry *> columnPairs(const TablePair &pair)
    {
        std::vector<const ColumnEntry *> entries;
        for (const auto &[name, entry] : pair.columns) {
            if (entry.previous >= 0 && entry.next >= 0)
                entries.push_back(&entry);
        }
        return entries;
    }

    static std::vector<int> droppedColumns(const TablePair &pair)
    {
        std::vector<int> columns;
        for (const auto &[name, entry] : pair.columns) {
            if (entry.next < 0)
                columns.push_back(entry.previous);
        }
        return columns;
    }

    static std::vector<int> addedColumns(const TablePair &pair)
    {
        std::vector<int> columns;
        for (const auto &[name, entry] : pair.columns) {
            if (entry.previous < 0)
                columns.push_back(entry.next);
        }
        return columns;
    }

    const ColumnEntry *columnPair(const TablePair &pair, const QString &name) const
    {
        const auto found = pair.columns.find(name);
        if (found == pair.columns.end() || found->second.previous < 0 || found->second.next < 0)
            return nullptr;
        return &found->second;
    }

    bool anyColumnChanged(const TablePair &pair) const
    {
        for (const ColumnEntry *entry : columnPairs(pair)) {
            if (entry->changes.differsInSomething())
                return true;
        }
        return false;
    }

    bool foreignKeysMatch(const TablePair &pair, const ForeignKey &previous,
                          const ForeignKey &next) const
    {
        const Table &before = previousTable(pair);
        const Table &after = nextTable(pair);
        const Table &previousReferenced = m_previous.table(previous.referencedTable);
        const Table &nextReferenced = m_next.table(next.referencedTable);
        if (previousReferenced.name != nextReferenced.name ||
            previous.referencedColumns.size() != next.referencedColumns.size() ||
            previous.columns.size() != next.columns.size())
            return false;
        for (int i = 0; i < previous.columns.size(); ++i) {
            const QString &name = before.columns.at(previous.columns.at(i)).name;
            if (name != after.columns.at(next.columns.at(i)).name)
                return false;
            const ColumnEntry *entry = columnPair(pair, name);
            if (entry && entry->changes.typeChanged())
                return false;
        }
        for (int i = 0; i < previous.referencedColumns.size(); ++i) {
            if (previousReferenced.columns.at(previous.referencedColumns.at(i)).name !=
                nextReferenced.columns.at(next.referencedColumns.at(i)).name)
                return false;
        }
        return previous.onDelete == next.onDelete && previous.onUpdate == next.onUpdate;
    }

    // Foreign keys of one side that match none of the other: created (next side) or dropped.
    std::vector<int> unmatchedForeignKeys(const TablePair &pair, bool nextSide) const
    {
        std::vector<int> unmatched;
        const QList<int> others =
            nextSide ? m_previous.foreignKeysOf(pair.previous) : m_next.foreignKeysOf(pair.next);
        for (const int fk :
             nextSide ? m_next.foreignKeysOf(pair.next) : m_previous.foreignKeysOf(pair.previous)) {
            const bool matched = std::any_of(others.begin(), others.end(), [&](int other) {
                const int p = nextSide ? other : fk;
                const int n = nextSide ? fk : other;
                return foreignKeysMatch(pair, m_previous.foreignKeys().at(p),
                                        m_next.foreignKeys().at(n));
            });
            if (!matched)
                unmatched.push_back(fk);
        }
        return unmatched;
    }

    std::vector<int> createdForeignKeys(const TablePair &pair) const
    {
        return unmatchedForeignKeys(pair, true);
    }

    std::vector<int> droppedForeignKeys(const TablePair &pair) const
    {
        return unmatchedForeignKeys(pair, false);
    }

    std::vector<Pair<int>> foreignKeyPairs(const TablePair &pair) const
    {
        std::vector<Pair<int>> pairs;
        std::set<int> seen;
        const QList<int> next = m_next.foreignKeysOf(pair.next);
        for (const int p : m_previous.foreignKeysOf(pair.previous)) {
            for (const int n : next) {
                if (seen.count(n))
                    continue;
                if (foreignKeysMatch(pair, m_previous.foreignKeys().at(p),
                                     m_next.foreignKeys().at(n))) {
                    seen.insert(n);
                    pairs.push_back({p, n});
                    break;
                }
            }
        }
        return pairs;
    }

    bool indexesMatch(const Table &before, const Index &previous, const Table &after,
                      const Index &next) const
    {
        if (previous.columns.size() != next.columns.size() || previous.type != next.type)
            return false;
        for (int i = 0; i < previous.columns.size(); ++i) {
            const IndexColumn &a = previous.columns.at(i);
            const IndexColumn &b = next.columns.at(i);
            if (before.columns.at(a.column).name != after.columns.at(b.column).name ||
                a.length != b.length ||
                a.sort.value_or(SortOrder::Asc) != b.sort.value_or(SortOrder::Asc))
                return false;
        }
        // Without the `partialIndexes` preview feature Prisma looks past predicates.
        return (!m_partialIndexes ||
                IndexPredicate::equivalent(previous.predicate, next.predicate)) &&
               m_flavour.indexesMatch(previous, next);
    }

    static std::vector<int> secondaryIndexes(const Table &table)
    {
        std::vector<int> indexes;
        for (int i = 0; i < table.indexes.size(); ++i) {
            if (!table.indexes.at(i).isPrimaryKey())
                indexes.push_back(i);
        }
        return indexes;
    }

    // Indexes of one side that match no index of the other: created (next side) or dropped.
    std::vector<int> unmatchedIndexes(const TablePair &pair, bool nextSide) const
    {
        const Table &before = previousTable(pair);
        const Table &after = nextTable(pair);
        std::vector<int> unmatched;
        for (const int i : secondaryIndexes(nextSide ? after : before)) {
            bool matched = false;
            for (const int j : secondaryIndexes(nextSide ? before : after)) {
                const int p = nextSide ? j : i;
                const int n = nextSide ? i : j;
                matched = matched ||
                          indexesMatch(before, before.indexes.at(p), after, after.indexes.at(n));
            }
            // Without the preview feature a partial index is never dropped: Prisma cannot
            // describe it, so it leaves it to whoever made it.
            const bool keptPartial =
                !nextSide && !m_partialIndexes && !before.indexes.at(i).predicate.isEmpty();
            if (!matched && !keptPartial)
                unmatched.push_back(i);
        }
        return unmatched;
    }

    std::vector<int> createdIndexes(const TablePair &pair) const
    {
        return unmatchedIndexes(pair, true);
    }

    std::vector<int> droppedIndexes(const TablePair &pair) const
    {
        return unmatchedIndexes(pair, false);
    }

    std::vector<Pair<int>> indexPairs(const TablePair &pair) const
    {
        const Table &before = previousTable(pair);
        const Table &after = nextTable(pair);
        std::vector<Pair<int>> pairs;
        const std::vector<int> previous = secondaryIndexes(before);
        for (const int p : previous) {
            // Renaming one of several indexes on the same columns is too unstable: skip them.
            const Index &left = before.indexes.at(p);
            const auto identical = std::count_if(previous.begin(), previous.end(), [&](int other) {
                const Index &right = before.indexes.at(other);
                return before.columnNames(left) == before.columnNames(right) &&
                       left.type == right.type;
            });
            if (identical != 1)
                continue;
            for (const int n : secondaryIndexes(after)) {
                if (indexesMatch(before, left, after, after.indexes.at(n))) {
                    pairs.push_back({p, n});
                    break;
                }
            }
        }
        return pairs;
    }

    bool primaryKeyChanged(const TablePair &pair) const
    {
        const Table &before = previousTable(pair);
        const Table &after = nextTable(pair);
        const Index *previous = before.primaryKey();
        const Index *next = after.primaryKey();
        if (!previous || !next)
            return false;
        if (previous->columns.size() != next->columns.size())
            return true;
        for (int i = 0; i < previous->columns.size(); ++i) {
            const IndexColumn &a = previous->columns.at(i);
            const IndexColumn &b = next->columns.at(i);
            if (before.columns.at(a.column).name != after.columns.at(b.column).name ||
                a.sort.value_or(SortOrder::Asc) != b.sort.value_or(SortOrder::Asc) ||
                a.length != b.length)
                return true;
        }
        for (const IndexColumn &column : previous->columns) {
            const ColumnEntry *entry = columnPair(pair, before.columns.at(column.column).name);
            if (entry && entry->changes.typeChanged())
                return true;
        }
        return false;
    }

    bool createdPrimaryKey(const TablePair &pair) const
    {
        return !previousTable(pair).primaryKey() && nextTable(pair).primaryKey();
    }

    bool droppedPrimaryKey(const TablePair &pair) const
    {
        return previousTable(pair).primaryKey() && !nextTable(pair).primaryKey();
    }

    void findTablesToRedefine()
    {
        for (const TablePair &pair : m_pairs) {
            bool requiredColumnAdded = false;
            for (const int c : addedColumns(pair))
                requiredColumnAdded =
                    requiredColumnAdded || nextTable(pair).columns.at(c).type.isRequired();
            if (createdPrimaryKey(pair) || droppedPrimaryKey(pair) || primaryKeyChanged(pair) ||
                !droppedColumns(pair).empty() || requiredColumnAdded || anyColumnChanged(pair) ||
                !createdForeignKeys(pair).empty() || !droppedForeignKeys(pair).empty())
                m_redefined.insert({pair.previous, pair.next});
        }
    }

    bool isRedefined(const TablePair &pair) const
    {
        return m_redefined.count({pair.previous, pair.next}) > 0;
    }

    /// A table of the previous schema is redefined (a schema names each table once, so its
    /// position identifies it). Asked once per foreign key: no strings, no scan of every pair.
    bool previousTableIsRedefined(int previous) const
    {
        const auto found = m_redefined.lower_bound({previous, std::numeric_limits<int>::min()});
        return found != m_redefined.end() && found->first == previous;
    }

    // --- Steps ---------------------------------------------------------------------------

    MigrationStep step(MigrationStep::Kind kind, int id = -1)
    {
        MigrationStep s;
        s.kind = kind;
        s.id = id;
        return s;
    }

    void pushCreatedNamespaces()
    {
        for (int n = 0; n < m_next.namespaces().size(); ++n) {
            if (m_previous.namespaceId(m_next.namespaces().at(n)) < 0)
                m_steps.push_back(step(MigrationStep::Kind::CreateSchema, n));
        }
    }

    void pushCreatedTables()
    {
        for (const auto &[previous, next] : m_tableEntries) {
            if (previous >= 0)
                continue;
            m_steps.push_back(step(MigrationStep::Kind::CreateTable, next));
            if (m_flavour.pushesForeignKeysFromCreatedTables()) {
                for (const int fk : m_next.foreignKeysOf(next))
                    m_steps.push_back(step(MigrationStep::Kind::AddForeignKey, fk));
            }
            for (const int i : secondaryIndexes(m_next.table(next))) {
                MigrationStep create = step(MigrationStep::Kind::CreateIndex);
                create.index = {next, i};
                m_steps.push_back(create);
            }
        }
    }

    void pushDroppedTables()
    {
        for (const auto &[previous, next] : m_tableEntries) {
            if (next >= 0)
                continue;
            m_steps.push_back(step(MigrationStep::Kind::DropTable, previous));
            if (m_flavour.dropsForeignKeysFromDroppedTables()) {
                for (const int fk : m_previous.foreignKeysOf(previous))
                    m_steps.push_back(step(MigrationStep::Kind::DropForeignKey, fk));
            }
        }
    }

    void pushDroppedIndexes()
    {
        std::set<IndexRef> dropped;
        for (const TablePair &pair : m_pairs) {
            if (isRedefined(pair))
                continue;
            for (const int i : droppedIndexes(pair))
                dropped.insert({pair.previous, i});
        }
        // SQLite recreates indexes in RedefineTables; those of dropped tables go first.
        if (!m_redefined.empty() && m_flavour.dropsIndexesFromDroppedTables()) {
            for (const auto &[previous, next] : m_tableEntries) {
                if (next >= 0)
                    continue;
                for (const int i : secondaryIndexes(m_previous.table(previous)))
                    dropped.insert({previous, i});
            }
        }
        for (const IndexRef &ref : dropped) {
            MigrationStep drop = step(MigrationStep::Kind::DropIndex);
            drop.index = ref;
            m_steps.push_back(drop);
        }
    }

    void pushCreatedIndexes()
    {
        for (const TablePair &pair : m_pairs) {
            if (isRedefined(pair))
                continue;
            for (const int i : createdIndexes(pair)) {
                MigrationStep create = step(MigrationStep::Kind::CreateIndex);
                create.previousTable = pair.previous;
                create.index = {pair.next, i};
                m_steps.push_back(create);
            }
            if (!m_flavour.recreatesIndexesAfterColumnDrop())
                continue;
            // Dropping and recreating a column drops its indexes: create them again.
            std::set<int> recreatedColumns;
            for (const ColumnEntry *entry : columnPairs(pair)) {
                if (entry->changes.typeChange == ColumnChanges::TypeChange::NotCastable)
                    recreatedColumns.insert(entry->next);
            }
            if (recreatedColumns.empty())
                continue;
            for (const Pair<int> &indexes : indexPairs(pair)) {
                const Index &index = nextTable(pair).indexes.at(indexes.next);
                const bool covers = std::any_of(
                    index.columns.begin(), index.columns.end(), [&](const IndexColumn &column) {
                        return recreatedColumns.count(column.column) > 0;
                    });
                if (!covers)
                    continue;
                MigrationStep create = step(MigrationStep::Kind::CreateIndex);
                create.previousTable = pair.previous;
                create.index = {pair.next, indexes.next};
                create.fromDropAndRecreate = true;
                m_steps.push_back(create);
            }
        }
    }

    static bool isImplicitManyToManyForeignKey(const SqlSchema &schema, const ForeignKey &fk)
    {
        const Table &table = schema.table(fk.table);
        return table.columns.size() == 2 && table.column(QStringLiteral("A")) &&
               table.column(QStringLiteral("B"));
    }

    void pushForeignKeyPairChanges(const Pair<int> &fks)
    {
        const ForeignKey &previous = m_previous.foreignKeys().at(fks.previous);
        const ForeignKey &next = m_next.foreignKeys().at(fks.next);
        if (previousTableIsRedefined(previous.referencedTable) &&
            !m_flavour.canRedefineTablesWithInboundForeignKeys()) {
            m_steps.push_back(step(MigrationStep::Kind::DropForeignKey, fks.previous));
            m_steps.push_back(step(MigrationStep::Kind::AddForeignKey, fks.next));
            return;
        }
        if (m_flavour.hasUnnamedForeignKeys() || previous.constraintName == next.constraintName)
            return;
        // Join table foreign keys were once unnamed: never rename them.
        if (isImplicitManyToManyForeignKey(m_previous, previous) &&
            isImplicitManyToManyForeignKey(m_next, next))
            return;
        if (m_flavour.canRenameForeignKey()) {
            MigrationStep rename = step(MigrationStep::Kind::RenameForeignKey);
            rename.ids = fks;
            m_steps.push_back(rename);
        } else {
            m_steps.push_back(step(MigrationStep::Kind::AddForeignKey, fks.next));
            m_steps.push_back(step(MigrationStep::Kind::DropForeignKey, fks.previous));
        }
    }

    void pushAlteredTables()
    {
        for (const TablePair &pair : m_pairs) {
            if (isRedefined(pair))
                continue;
            for (const int fk : createdForeignKeys(pair))
                m_steps.push_back(step(MigrationStep::Kind::AddForeignKey, fk));
            for (const int fk : droppedForeignKeys(pair))
                m_steps.push_back(step(MigrationStep::Kind::DropForeignKey, fk));
            for (const Pair<int> &fks : foreignKeyPairs(pair))
                pushForeignKeyPairChanges(fks);

            for (const Pair<int> &indexes : indexPairs(pair)) {
                if (previousTable(pair).indexes.at(indexes.previous).name ==
                    nextTable(pair).indexes.at(indexes.next).name)
                    continue;
                MigrationStep rename =
                    step(m_flavour.canRenameIndex() ? MigrationStep::Kind::RenameIndex
                                                    : MigrationStep::Kind::RedefineIndex);
                rename.index = {pair.previous, indexes.previous};
                rename.nextIndex = {pair.next, indexes.next};
                m_steps.push_back(rename);
            }

            std::vector<TableChange> changes;
            const bool pkChanged = primaryKeyChanged(pair);
            if (droppedPrimaryKey(pair) || pkChanged)
                changes.push_back({TableChange::Kind::DropPrimaryKey, {-1, -1}, {}, false});
            const Index *previousPk = previousTable(pair).primaryKey();
            const Index *nextPk = nextTable(pair).primaryKey();
            if (previousPk && nextPk && previousPk->name != nextPk->name)
                changes.push_back({TableChange::Kind::RenamePrimaryKey, {-1, -1}, {}, false});
            for (const int c : droppedColumns(pair))
                changes.push_back({TableChange::Kind::DropColumn, {c, -1}, {}, false});
            for (const int c : addedColumns(pair))
                changes.push_back({TableChange::Kind::AddColumn,
                                   {-1, c},
                                   {},
                                   nextTable(pair).columns.at(c).hasPrismaLevelDefault});
            std::vector<TableChange> altered;
            for (const ColumnEntry *entry : columnPairs(pair)) {
                if (!entry->changes.differsInSomething())
                    continue;
                const bool recreate =
                    entry->changes.typeChange == ColumnChanges::TypeChange::NotCastable;
                altered.push_back({recreate ? TableChange::Kind::DropAndRecreateColumn
                                            : TableChange::Kind::AlterColumn,
                                   {entry->previous, entry->next},
                                   entry->changes,
                                   false});
            }
            std::sort(
                altered.begin(), altered.end(),
                [](const TableChange &a, const TableChange &b) { return a.column < b.column; });
            changes.insert(changes.end(), altered.begin(), altered.end());
            if (createdPrimaryKey(pair) || pkChanged)
                changes.push_back({TableChange::Kind::AddPrimaryKey, {-1, -1}, {}, false});
            if (changes.empty())
                continue;
            MigrationStep alter = step(MigrationStep::Kind::AlterTable);
            alter.ids = {pair.previous, pair.next};
            alter.changes = std::move(changes);
            m_steps.push_back(std::move(alter));
        }
    }

    void pushRedefinedTables()
    {
        if (m_redefined.empty())
            return;
        MigrationStep redefine = step(MigrationStep::Kind::RedefineTables);
        for (const TablePair &pair : m_pairs) {
            if (!isRedefined(pair))
                continue;
            RedefineTable table;
            table.tables = {pair.previous, pair.next};
            table.droppedPrimaryKey = droppedPrimaryKey(pair) || primaryKeyChanged(pair);
            table.addedColumns = addedColumns(pair);
            for (const int c : table.addedColumns) {
                if (nextTable(pair).columns.at(c).hasPrismaLevelDefault)
                    table.addedColumnsWithVirtualDefaults.push_back(c);
            }
            table.droppedColumns = droppedColumns(pair);
            for (const ColumnEntry *entry : columnPairs(pair))
                table.columnPairs.push_back({{entry->previous, entry->next}, entry->changes});
            redefine.redefinedTables.push_back(std::move(table));
        }
        m_steps.push_back(std::move(redefine));
    }

    bool enumsMatch(const Enum &previous, const Enum &next) const
    {
        return previous.name == next.name && m_previous.namespaceName(previous.namespaceId) ==
                                                 m_next.namespaceName(next.namespaceId);
    }

    static bool usesEnum(const Column &column, const QString &enumName)
    {
        return column.type.family == ColumnTypeFamily::Enum && column.type.enumName == enumName;
    }

    void pushEnumSteps()
    {
        for (int p = 0; p < m_previous.enums().size(); ++p) {
            const Enum &previous = m_previous.enums().at(p);
            for (int n = 0; n < m_next.enums().size(); ++n) {
                const Enum &next = m_next.enums().at(n);
                if (!enumsMatch(previous, next))
                    continue;
                MigrationStep alter = step(MigrationStep::Kind::AlterEnum);
                alter.ids = {p, n};
                for (const QString &value : next.values) {
                    if (!previous.values.contains(value))
                        alter.createdValues.append(value);
                }
                for (const QString &value : previous.values) {
                    if (!next.values.contains(value))
                        alter.droppedValues.append(value);
                }
                if (alter.createdValues.isEmpty() && alter.droppedValues.isEmpty())
                    break;
                alter.previousUsagesAsDefault = usagesAsDefault(previous.name, next.name);
                m_steps.push_back(std::move(alter));
                break;
            }
        }
        for (int n = 0; n < m_next.enums().size(); ++n) {
            const bool existed =
                std::any_of(m_previous.enums().begin(), m_previous.enums().end(),
                            [&](const Enum &e) { return enumsMatch(e, m_next.enums().at(n)); });
            if (!existed)
                m_steps.push_back(step(MigrationStep::Kind::CreateEnum, n));
        }
        for (int p = 0; p < m_previous.enums().size(); ++p) {
            const bool kept =
                std::any_of(m_next.enums().begin(), m_next.enums().end(),
                            [&](const Enum &e) { return enumsMatch(m_previous.enums().at(p), e); });
            if (!kept)
                m_steps.push_back(step(MigrationStep::Kind::DropEnum, p));
        }
    }

    std::vector<std::pair<ColumnRef, std::optional<ColumnRef>>>
    usagesAsDefault(const QString &previousName, const QString &nextName) const
    {
        std::vector<std::pair<ColumnRef, std::optional<ColumnRef>>> usages;
        for (const auto &[previous, next] : m_tableEntries) {
            if (next >= 0)
                continue;
            const Table &table = m_previous.table(previous);
            for (int c = 0; c < table.columns.size(); ++c) {
                if (usesEnum(table.columns.at(c), previousName) && table.columns.at(c).defaultValue)
                    usages.push_back({{previous, c}, std::nullopt});
            }
        }
        for (const TablePair &pair : m_pairs) {
            for (const int c : droppedColumns(pair)) {
                const Column &column = previousTable(pair).columns.at(c);
                if (usesEnum(column, previousName) && column.defaultValue)
                    usages.push_back({{pair.previous, c}, std::nullopt});
            }
            for (const ColumnEntry *entry : columnPairs(pair)) {
                const Column &before = previousTable(pair).columns.at(entry->previous);
                if (!usesEnum(before, previousName) || !before.defaultValue)
                    continue;
                const Column &after = nextTable(pair).columns.at(entry->next);
                std::optional<ColumnRef> nextUsage;
                if (usesEnum(after, nextName) && after.defaultValue)
                    nextUsage = ColumnRef{pair.next, entry->next};
                usages.push_back({{pair.previous, entry->previous}, nextUsage});
            }
        }
        return usages;
    }

    // A unique index dropped from a table without primary key, when the same columns become
    // the primary key: drop the index after the key exists (Prisma's partial-order fix).
    void applyPartialOrderPermutations()
    {
        size_t i = 0;
        while (i < m_steps.size()) {
            const MigrationStep &candidate = m_steps[i];
            ++i;
            if (candidate.kind != MigrationStep::Kind::DropIndex)
                continue;
            const Table &table = m_previous.table(candidate.index.table);
            const Index &index = table.indexes.at(candidate.index.column);
            if (!index.isUnique() || table.primaryKey())
                continue;
            const QStringList indexColumns = table.columnNames(index);
            for (size_t j = i; j < m_steps.size(); ++j) {
                const MigrationStep &alter = m_steps[j];
                if (alter.kind != MigrationStep::Kind::AlterTable ||
                    alter.ids.previous != candidate.index.table)
                    continue;
                bool addsPk = false;
                bool touchesIndex = false;
                for (const TableChange &change : alter.changes) {
                    addsPk = addsPk || change.kind == TableChange::Kind::AddPrimaryKey;
                    if ((change.kind == TableChange::Kind::DropColumn ||
                         change.kind == TableChange::Kind::DropAndRecreateColumn) &&
                        std::any_of(index.columns.begin(), index.columns.end(),
                                    [&](const IndexColumn &c) {
                                        return c.column == change.column.previous;
                                    }))
                        touchesIndex = true;
                }
                if (!addsPk || touchesIndex)
                    continue;
                const Table &after = m_next.table(alter.ids.next);
                const Index *pk = after.primaryKey();
                if (!pk || after.columnNames(*pk) != indexColumns)
                    continue;
                MigrationStep moved = m_steps[i - 1];
                m_steps.erase(m_steps.begin() + long(i - 1));
                m_steps.insert(m_steps.begin() + long(j), std::move(moved));
                --i;
                break;
            }
        }
    }

    const SqlSchema &m_previous;
    const SqlSchema &m_next;
    const SqlFlavour &m_flavour;
    const bool m_partialIndexes;                     // the preview feature: predicates count
    std::vector<std::pair<int, int>> m_tableEntries; // (previous, next), -1 when absent
    std::vector<TablePair> m_pairs;
    std::set<std::pair<int, int>> m_redefined;
    std::vector<MigrationStep> m_steps;
};

} // namespace

Migration SchemaDiffer::diff(SqlSchema previous, SqlSchema next, const SqlFlavour &flavour)
{
    Migration migration;
    migration.flavour = &flavour;
    migration.previous = std::move(previous);
    migration.next = std::move(next);
    // Prisma writes names relative to the target's schema: migrating to nothing qualifies every
    // name it drops.
    migration.previous.setDefaultNamespace(migration.next.defaultNamespace());

    migration.steps = Differ(migration.previous, migration.next, flavour).steps();
    return migration;
}

} // namespace gh::sql
