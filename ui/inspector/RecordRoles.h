#pragma once

#include <Qt>

namespace gh::ui {

/// Item data roles shared by the record models and the views that act on their cells, so that
/// reveal, copy and "go to user" work the same on every table.
enum RecordRole {
    /// The Prisma-typed value: UTC QDateTime, the real secret, qlonglong, bool.
    RawValueRole = Qt::UserRole + 1,
    /// bool: the cell holds a secret (token, key), masked unless revealed.
    SecretRole,
    /// bool: the secret is shown in clear. setData(index, true/false, RevealedRole) reveals/hides.
    RevealedRole,
    /// QString: the id of the user the row belongs to (empty for verification tokens).
    UserIdRole,
    /// bool: the row's values are loaded (false while a big table is still fetching it).
    LoadedRole,
};

} // namespace gh::ui
