#include "core/prisma/FormatterInflector.h"

#include <QRegularExpression>
#include <QString>
#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>

namespace gh::prisma {

namespace {

bool isAlphanumeric(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

bool isLower(char c)
{
    return c >= 'a' && c <= 'z';
}

bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}

char toLower(char c)
{
    return isUpper(c) ? char(c - 'A' + 'a') : c;
}

char toUpper(char c)
{
    return isLower(c) ? char(c - 'a' + 'A') : c;
}

// cruet's UNCOUNTABLE_WORDS, sorted for a binary search.
constexpr std::array<const char *, 202> uncountable = {"accommodation",
                                                       "adulthood",
                                                       "advertising",
                                                       "advice",
                                                       "aggression",
                                                       "aid",
                                                       "air",
                                                       "aircraft",
                                                       "alcohol",
                                                       "anger",
                                                       "applause",
                                                       "arithmetic",
                                                       "assistance",
                                                       "athletics",
                                                       "bacon",
                                                       "baggage",
                                                       "beef",
                                                       "biology",
                                                       "blood",
                                                       "botany",
                                                       "bread",
                                                       "butter",
                                                       "carbon",
                                                       "cardboard",
                                                       "cash",
                                                       "chalk",
                                                       "chaos",
                                                       "chess",
                                                       "countryside",
                                                       "crossroads",
                                                       "dancing",
                                                       "deer",
                                                       "dignity",
                                                       "dirt",
                                                       "dust",
                                                       "economics",
                                                       "education",
                                                       "electricity",
                                                       "engineering",
                                                       "enjoyment",
                                                       "envy",
                                                       "equipment",
                                                       "ethics",
                                                       "evidence",
                                                       "evolution",
                                                       "fame",
                                                       "fiction",
                                                       "flour",
                                                       "flu",
                                                       "food",
                                                       "fuel",
                                                       "fun",
                                                       "furniture",
                                                       "gallows",
                                                       "garbage",
                                                       "garlic",
                                                       "genetics",
                                                       "gold",
                                                       "golf",
                                                       "gossip",
                                                       "grammar",
                                                       "gratitude",
                                                       "grief",
                                                       "guilt",
                                                       "gymnastics",
                                                       "happiness",
                                                       "hardware",
                                                       "harm",
                                                       "hate",
                                                       "hatred",
                                                       "health",
                                                       "heat",
                                                       "help",
                                                       "homework",
                                                       "honesty",
                                                       "honey",
                                                       "hospitality",
                                                       "housework",
                                                       "humour",
                                                       "hunger",
                                                       "hydrogen",
                                                       "ice",
                                                       "importance",
                                                       "inflation",
                                                       "information",
                                                       "innocence",
                                                       "iron",
                                                       "irony",
                                                       "jam",
                                                       "jewelry",
                                                       "judo",
                                                       "karate",
                                                       "knowledge",
                                                       "lack",
                                                       "laughter",
                                                       "lava",
                                                       "leather",
                                                       "leisure",
                                                       "lightning",
                                                       "linguine",
                                                       "linguini",
                                                       "linguistics",
                                                       "literature",
                                                       "litter",
                                                       "livestock",
                                                       "logic",
                                                       "loneliness",
                                                       "luck",
                                                       "luggage",
                                                       "macaroni",
                                                       "machinery",
                                                       "magic",
                                                       "management",
                                                       "mankind",
                                                       "marble",
                                                       "mathematics",
                                                       "mayonnaise",
                                                       "measles",
                                                       "methane",
                                                       "milk",
                                                       "money",
                                                       "mud",
                                                       "mumps",
                                                       "music",
                                                       "nature",
                                                       "news",
                                                       "nitrogen",
                                                       "nonsense",
                                                       "nurture",
                                                       "nutrition",
                                                       "obedience",
                                                       "obesity",
                                                       "oxygen",
                                                       "pasta",
                                                       "patience",
                                                       "physics",
                                                       "poetry",
                                                       "pollution",
                                                       "poverty",
                                                       "pride",
                                                       "psychology",
                                                       "publicity",
                                                       "punctuation",
                                                       "quartz",
                                                       "racism",
                                                       "relaxation",
                                                       "reliability",
                                                       "research",
                                                       "respect",
                                                       "revenge",
                                                       "rice",
                                                       "rubbish",
                                                       "rum",
                                                       "safety",
                                                       "scenery",
                                                       "seafood",
                                                       "seaside",
                                                       "series",
                                                       "shame",
                                                       "sheep",
                                                       "shopping",
                                                       "sleep",
                                                       "smoke",
                                                       "smoking",
                                                       "snow",
                                                       "soap",
                                                       "software",
                                                       "soil",
                                                       "spaghetti",
                                                       "species",
                                                       "steam",
                                                       "stuff",
                                                       "stupidity",
                                                       "sunshine",
                                                       "symmetry",
                                                       "tennis",
                                                       "thirst",
                                                       "thunder",
                                                       "timber",
                                                       "traffic",
                                                       "transportation",
                                                       "trust",
                                                       "underwear",
                                                       "unemployment",
                                                       "unity",
                                                       "validity",
                                                       "veal",
                                                       "vegetarianism",
                                                       "vegetation",
                                                       "vengeance",
                                                       "violence",
                                                       "vitality",
                                                       "warmth",
                                                       "wealth",
                                                       "weather",
                                                       "welfare",
                                                       "wheat",
                                                       "wildlife",
                                                       "wisdom",
                                                       "yoga",
                                                       "zinc",
                                                       "zoology"};

struct Irregular
{
    const char *singular;
    const char *plural;
};

constexpr std::array<Irregular, 10> irregular = {{{"ox", "oxen"},
                                                  {"man", "men"},
                                                  {"woman", "women"},
                                                  {"die", "dice"},
                                                  {"yes", "yeses"},
                                                  {"foot", "feet"},
                                                  {"eave", "eaves"},
                                                  {"goose", "geese"},
                                                  {"tooth", "teeth"},
                                                  {"quiz", "quizzes"}}};

struct Rule
{
    const char *pattern; // group 1 is kept, then the replacement is appended
    const char *replacement;
};

// cruet's rules in its order; they are tried from the last to the first.
constexpr std::array<Rule, 24> rules = {{
    {R"((\w*)s$)", "s"},
    {R"((\w*([^aeiou]ese))$)", ""},
    {R"((\w*(ax|test))is$)", "es"},
    {R"((\w*(alias|[^aou]us|tlas|gas|ris))$)", "es"},
    {R"((\w*(e[mn]u))s?$)", "s"},
    {R"((\w*([^l]ias|[aeiou]las|[emjzr]as|[iu]am))$)", ""},
    {R"((\w*(alumn|syllab|octop|vir|radi|nucle|fung|cact|stimul|termin|bacill|foc|uter|loc|strat))(?:us|i)$)",
     "i"},
    {R"((\w*(alumn|alg|vertebr))(?:a|ae)$)", "ae"},
    {R"((\w*(seraph|cherub))(?:im)?$)", "im"},
    {R"((\w*(her|at|gr))o$)", "oes"},
    {R"((\w*(agend|addend|millenni|dat|extrem|bacteri|desiderat|strat|candelabr|errat|ov|symposi|curricul|automat|quor))(?:a|um)$)",
     "a"},
    {R"((\w*(apheli|hyperbat|periheli|asyndet|noumen|phenomen|criteri|organ|prolegomen|hedr|automat))(?:a|on)$)",
     "a"},
    {R"((\w*)sis$)", "ses"},
    {R"((\w*(kni|wi|li))fe$)", "ves"},
    {R"((\w*(ar|l|ea|eo|oa|hoo))f$)", "ves"},
    {R"((\w*([^aeiouy]|qu))y$)", "ies"},
    {R"((\w*([^ch][ieo][ln]))ey$)", "ies"},
    {R"((\w*(x|ch|ss|sh|zz)es)$)", ""},
    {R"((\w*(x|ch|ss|sh|zz))$)", "es"},
    {R"((\w*(matr|cod|mur|sil|vert|ind|append))(?:ix|ex)$)", "ices"},
    {R"((\w*(m|l))(?:ice|ouse)$)", "ice"},
    {R"((\w*(pe))(?:rson|ople)$)", "ople"},
    {R"((\w*(child))(?:ren)?$)", "ren"},
    {R"((\w*eaux)$)", ""},
}};

} // namespace

QByteArray FormatterInflector::camelCase(QByteArrayView name)
{
    // Trailing non-alphanumerics are dropped first (cruet's trim_right).
    qsizetype end = name.size();
    while (end > 0 && !isAlphanumeric(name[end - 1]))
        --end;

    QByteArray result;
    result.reserve(end);
    bool newWord = false;
    bool foundRealChar = false;
    char lastChar = ' ';
    for (qsizetype i = 0; i < end; ++i) {
        const char c = name[i];
        if (!isAlphanumeric(c)) {
            if (foundRealChar)
                newWord = true;
        } else if (c >= '0' && c <= '9') {
            foundRealChar = true;
            newWord = true;
            result += c;
        } else if (newWord || (isLower(lastChar) && isUpper(c))) {
            foundRealChar = true;
            newWord = false;
            result += toUpper(c);
        } else {
            foundRealChar = true;
            lastChar = c;
            result += toLower(c);
        }
    }
    return result;
}

QByteArray FormatterInflector::plural(const QByteArray &word)
{
    // Newer cruets pluralise the last part of a `snake_case` or `kebab-case` word.
    const qsizetype separator = std::max(word.lastIndexOf('_'), word.lastIndexOf('-'));
    if (separator >= 0) {
        if (separator + 1 == word.size())
            return word;
        return word.left(separator + 1) + plural(word.mid(separator + 1));
    }

    if (std::binary_search(uncountable.begin(), uncountable.end(), word.constData(),
                           [](const char *a, const char *b) { return qstrcmp(a, b) < 0; }))
        return word;
    for (const Irregular &entry : irregular) {
        if (word == entry.singular)
            return entry.plural;
    }
    const QString text = QString::fromUtf8(word);
    for (auto rule = rules.rbegin(); rule != rules.rend(); ++rule) {
        // Built per call: this runs only for the few fields `prisma format` adds.
        const QRegularExpressionMatch match =
            QRegularExpression(QString::fromLatin1(rule->pattern)).match(text);
        if (match.hasMatch())
            return (match.captured(1) + QLatin1String(rule->replacement)).toUtf8();
    }
    return word + 's';
}

} // namespace gh::prisma
