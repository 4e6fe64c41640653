#pragma once

#include "core/auth/AuditEntry.h"
#include "core/common/Result.h"

#include <QVector>

namespace gh {

/// The audit log: one JSON object per line (JSON Lines), appended, never rewritten. Default
/// location: the user's data folder (the generic data folder + "/gatehouse/audit.jsonl",
/// ~/.local/share/gatehouse/audit.jsonl on Linux); any path can be given instead.
///
/// Appending is safe with several Gatehouse processes at once: writers take a QLockFile next to
/// the log, and each line goes out as one write() on a file opened in append mode, then is
/// synced. A value type: copy it to a worker thread.
class AuditLog
{
public:
    /// The log at `path`; empty = defaultPath().
    explicit AuditLog(QString path = QString());

    /// The generic data folder + "/gatehouse/audit.jsonl": one file for the GUI and the CLI,
    /// whatever application and organisation names they run under.
    static QString defaultPath();
    const QString &path() const { return m_path; }

    /// Creates the folder and checks the log can be appended to (FileUnwritable otherwise), so
    /// that an action whose audit line could not be written is refused before it starts.
    Status checkWritable() const;

    /// Appends one line. FileUnwritable when the log cannot be written or stays locked.
    Status append(const AuditEntry &entry) const;

    struct Contents
    {
        QVector<AuditEntry> entries; ///< oldest first
        int malformedLines = 0;      ///< lines that were not audit entries (skipped)
    };
    /// The last `limit` entries (0 = all), oldest first. A log that does not exist yet is empty.
    Result<Contents> read(int limit = 0) const;

private:
    QString m_path;
};

} // namespace gh
