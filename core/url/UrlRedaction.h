#pragma once

#include <QString>

namespace gh {

/// The one function that makes text safe to display or log: it replaces every password it can
/// find with `****` and leaves the rest as it was. It works on any text, not only on valid URLs:
/// - the password of `scheme://user:password@host` anywhere in the text, including malformed
///   URLs and passwords with unencoded '@', '/' or spaces (the user name is kept);
/// - `password=...`, `sslpassword=...` and `PGPASSWORD=...` pairs, unquoted, in libpq's single
///   quotes (`password='se cret'`, with backslash escapes) or as URL query parameters.
/// When unsure it hides too much rather than too little.
QString redactDatabaseUrl(const QString &text);

} // namespace gh
