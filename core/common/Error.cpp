#include "core/common/Error.h"

namespace gh {

QString Error::codeName(Code code)
{
    switch (code) {
    case Code::None: return QStringLiteral("none");
    case Code::Cancelled: return QStringLiteral("cancelled");
    case Code::InvalidArgument: return QStringLiteral("invalid-argument");
    case Code::UrlMalformed: return QStringLiteral("url-malformed");
    case Code::UrlUnsupportedScheme: return QStringLiteral("url-unsupported-scheme");
    case Code::UrlUnsupportedParameter: return QStringLiteral("url-unsupported-parameter");
    case Code::UrlMissing: return QStringLiteral("url-missing");
    case Code::SchemaNotFound: return QStringLiteral("schema-not-found");
    case Code::FileNotFound: return QStringLiteral("file-not-found");
    case Code::FileUnreadable: return QStringLiteral("file-unreadable");
    case Code::FileUnwritable: return QStringLiteral("file-unwritable");
    case Code::ConnectionFailed: return QStringLiteral("connection-failed");
    case Code::QueryFailed: return QStringLiteral("query-failed");
    case Code::NotAuthJsDatabase: return QStringLiteral("not-authjs-database");
    case Code::ReadOnly: return QStringLiteral("read-only");
    case Code::SchemaInvalid: return QStringLiteral("schema-invalid");
    }
    return QStringLiteral("unknown");
}

} // namespace gh
