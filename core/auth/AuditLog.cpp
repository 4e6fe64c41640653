#include "core/auth/AuditLog.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLockFile>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QThread>
#include <deque>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace gh {

namespace {

constexpr int kLockTimeoutMs = 30000;

Error unwritable(const QString &path, const QString &why)
{
    return Error(
        Error::Code::FileUnwritable,
        QStringLiteral("Cannot write the audit log %1").arg(QDir::toNativeSeparators(path)), why);
}

} // namespace

AuditLog::AuditLog(QString path)
    : m_path(path.isEmpty() ? defaultPath() : std::move(path))
{}

QString AuditLog::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/gatehouse/audit.jsonl");
}

Status AuditLog::checkWritable() const
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return unwritable(m_path, QStringLiteral("cannot create the folder"));
    QFile file(m_path);
    const bool existed = file.exists();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return unwritable(m_path, file.errorString());
    if (!existed) // it names users and databases: owner only
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return success();
}

Status AuditLog::append(const AuditEntry &entry) const
{
    if (Status writable = checkWritable(); !writable)
        return writable;
    QLockFile lock(m_path + QStringLiteral(".lock"));
    // Poll in short steps: QLockFile::tryLock(timeout) backs off exponentially (up to seconds),
    // which starves a writer behind a busy one.
    QElapsedTimer waited;
    waited.start();
    while (!lock.tryLock(0)) {
        if (lock.error() != QLockFile::LockFailedError || waited.elapsed() > kLockTimeoutMs)
            return unwritable(m_path, QStringLiteral("cannot lock %1.lock").arg(m_path));
        QThread::msleep(2 + QRandomGenerator::global()->bounded(8));
    }

    QFile file(m_path);
    // Unbuffered + Append: the line below is one write() at the end of the file (O_APPEND).
    if (!file.open(QIODevice::ReadWrite | QIODevice::Append | QIODevice::Unbuffered))
        return unwritable(m_path, file.errorString());
    QByteArray line = entry.toLine();
    // A writer that died mid-line left no newline: start on a fresh line so ours stays whole.
    if (file.size() > 0 && file.seek(file.size() - 1)) {
        char last = '\n';
        if (file.getChar(&last) && last != '\n')
            line.prepend('\n');
    }
    if (file.write(line) != line.size())
        return unwritable(m_path, file.errorString());
    file.flush();
#ifdef Q_OS_UNIX
    ::fsync(file.handle());
#endif
    return success();
}

Result<AuditLog::Contents> AuditLog::read(int limit) const
{
    Contents contents;
    QFile file(m_path);
    if (!file.exists())
        return contents;
    if (!file.open(QIODevice::ReadOnly))
        return Error(
            Error::Code::FileUnreadable,
            QStringLiteral("Cannot read the audit log %1").arg(QDir::toNativeSeparators(m_path)),
            file.errorString());
    // Keep only the last `limit` raw lines while reading, so a long log costs little memory.
    std::deque<QByteArray> lines;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        lines.push_back(line);
        if (limit > 0 && int(lines.size()) > limit)
            lines.pop_front();
    }
    for (const QByteArray &line : lines) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        auto entry = error.error == QJsonParseError::NoError && document.isObject()
                         ? AuditEntry::fromJson(document.object())
                         : Result<AuditEntry>(Error(Error::Code::InvalidArgument, QString()));
        if (entry)
            contents.entries << *entry;
        else
            ++contents.malformedLines;
    }
    return contents;
}

} // namespace gh
