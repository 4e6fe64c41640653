#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace gh::prisma {

/// The English inflections `prisma format` uses to name the relation fields it adds: those of
/// the Rust crate cruet (`to_camel_case`, `to_plural`), which psl-core's reformat.rs calls.
/// `Category` becomes `category` and `categories`, `VerificationToken` becomes
/// `verificationToken` and `verificationTokens`, `Person` becomes `people`.
class FormatterInflector
{
public:
    /// cruet's to_camel_case: words split at non-alphanumeric characters and at a lower-case
    /// letter followed by an upper-case one; the first word lower case, the others capitalised;
    /// ASCII letters inside a word lower-cased (`HTTPRequest` gives `httprequest`).
    static QByteArray camelCase(QByteArrayView name);

    /// cruet's to_plural: uncountable words, a few irregular ones, then the first of its
    /// suffix rules that matches, else `s` appended.
    static QByteArray plural(const QByteArray &word);
};

} // namespace gh::prisma
