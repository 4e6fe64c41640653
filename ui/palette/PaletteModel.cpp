#include "ui/palette/PaletteModel.h"

#include <algorithm>

namespace gh::ui {

namespace {

int kindOrder(PaletteEntry::Kind kind)
{
    switch (kind) {
    case PaletteEntry::Kind::View:
        return 0;
    case PaletteEntry::Kind::Action:
        return 1;
    case PaletteEntry::Kind::User:
        return 2;
    }
    return 3;
}

} // namespace

PaletteModel::PaletteModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void PaletteModel::setCommands(const QVector<PaletteEntry> &commands)
{
    m_commands = commands;
    refilter();
}

void PaletteModel::setUsers(const QString &forText, const QVector<PaletteEntry> &users)
{
    if (forText != m_filter.trimmed())
        return;
    m_usersText = forText;
    m_users = users;
    refilter();
}

void PaletteModel::setFilter(const QString &text)
{
    m_filter = text;
    refilter();
}

void PaletteModel::refilter()
{
    beginResetModel();
    m_visible.clear();
    const QString pattern = m_filter.trimmed();
    struct Ranked
    {
        PaletteEntry entry;
        int order;
    };
    QVector<Ranked> ranked;
    int order = 0;
    for (const PaletteEntry &command : m_commands) {
        PaletteEntry e = command;
        // The category takes part ("file export" finds File › Export View…) but the title
        // is what is highlighted, so try the title alone first.
        std::optional<FuzzyMatch> match = FuzzyMatcher::match(pattern, e.title);
        if (!match) {
            match = FuzzyMatcher::match(pattern, e.category + QLatin1Char(' ') + e.title);
            if (match) {
                const int offset = int(e.category.size()) + 1;
                QVector<int> inTitle;
                for (int p : match->positions) {
                    if (p >= offset)
                        inTitle << p - offset;
                }
                match->positions = inTitle;
                match->score -= 8; // the title alone matching is better
            }
        }
        if (!match)
            continue;
        e.match = *match;
        ranked.append({e, order++});
    }
    // Users are those the database found for this text (an id prefix matches too); the
    // fuzzy score, on the email or the name, ranks them against the commands.
    if (!pattern.isEmpty() && m_usersText == pattern) {
        for (const PaletteEntry &user : m_users) {
            PaletteEntry e = user;
            const auto byTitle = FuzzyMatcher::match(pattern, e.title);
            const auto byEmail = FuzzyMatcher::match(pattern, e.detail);
            if (byTitle && (!byEmail || byTitle->score >= byEmail->score)) {
                e.match = *byTitle;
            } else if (byEmail) {
                e.match.score = byEmail->score;
                e.detailMatch = byEmail->positions;
            } else {
                e.match.score = 0;
            }
            ranked.append({e, order++});
        }
    }
    if (!pattern.isEmpty()) {
        std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked &a, const Ranked &b) {
            if (a.entry.match.score != b.entry.match.score)
                return a.entry.match.score > b.entry.match.score;
            return kindOrder(a.entry.kind) < kindOrder(b.entry.kind);
        });
    } else {
        std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked &a, const Ranked &b) {
            return kindOrder(a.entry.kind) < kindOrder(b.entry.kind);
        });
    }
    for (const Ranked &r : ranked)
        m_visible << r.entry;
    endResetModel();
}

int PaletteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

QVariant PaletteModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_visible.size())
        return QVariant();
    const PaletteEntry &e = m_visible.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return e.title;
    case Qt::DecorationRole:
        return e.icon;
    case Qt::ToolTipRole:
        return e.detail.isEmpty() ? e.title : e.title + QStringLiteral(" — ") + e.detail;
    case KindRole:
        return int(e.kind);
    case DetailRole:
        return e.detail;
    case CategoryRole:
        return e.category;
    case ShortcutRole:
        return e.shortcut;
    case MatchPositionsRole:
        return QVariant::fromValue(QList<int>(e.match.positions.begin(), e.match.positions.end()));
    case DetailMatchRole:
        return QVariant::fromValue(QList<int>(e.detailMatch.begin(), e.detailMatch.end()));
    default:
        return QVariant();
    }
}

} // namespace gh::ui
