#include "core/prisma/DataModelBuilder.h"

#include "core/prisma/AstDump.h"
#include "core/prisma/ForEachElement.h"
#include "core/prisma/SchemaSource.h"
#include "core/prisma/StringLiteral.h"
#include "core/prisma/Utf8.h"

#include <QAnyStringView>
#include <QHash>
#include <QVarLengthArray>
#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <functional>
#include <string_view>

// The passes below follow prisma-engines' psl/parser-database (names.rs, types.rs,
// attributes.rs and its attributes/*.rs, relations.rs, context.rs) and psl-core's
// datasource and generator loaders: same order, same messages, same spans. Where Prisma
// reports nothing and keeps going, so does this.

namespace gh::prisma {

namespace {

using View = QByteArrayView;

// `"map"_v`: a View whose length is known at compile time (QByteArrayView's constructor from a
// char array looks for a '\0' at run time).
constexpr View operator""_v(const char *text, std::size_t size)
{
    return View(text, qsizetype(size));
}

// Names are hashed and compared a few hundred thousand times per schema, so both read a name
// eight bytes at a time rather than byte by byte (a multiply per byte was most of a lookup's
// cost). A name shorter than eight bytes, and the rest of a longer one, are read with loads
// that overlap instead of a loop: together they still cover every byte exactly as far as the
// size (which both functions also take into account) tells them apart.
quint64 load64(const char *p)
{
    quint64 word;
    std::memcpy(&word, p, sizeof word);
    return word;
}

// Bytes [size - 8, size) of a name of at least eight bytes, or all of a shorter one.
Q_ALWAYS_INLINE quint64 lastWord(const char *p, qsizetype size)
{
    if (size >= 8)
        return load64(p + size - 8);
    if (size >= 4) {
        quint32 low, high;
        std::memcpy(&low, p, 4);
        std::memcpy(&high, p + size - 4, 4);
        return low | quint64(high) << 32;
    }
    if (size > 0)
        return uchar(p[0]) | uchar(p[size / 2]) << 8 | uchar(p[size - 1]) << 16;
    return 0;
}

// Flooding resistance is no concern for names out of a schema file. The final mix is
// MurmurHash3's: it spreads every byte over the low bits, which the open-addressing tables
// below index with (a multiply alone moves a byte's influence only upwards).
Q_ALWAYS_INLINE size_t nameHash(View name, size_t seed)
{
    constexpr quint64 multiplier = 0x9E3779B97F4A7C15ull;
    const char *p = name.data();
    const qsizetype size = name.size();
    quint64 hash = quint64(size) * multiplier;
    for (qsizetype i = 0; i + 8 < size; i += 8)
        hash = (hash ^ load64(p + i)) * multiplier;
    hash ^= lastWord(p, size);
    hash = (hash ^ hash >> 33) * 0xFF51AFD7ED558CCDull;
    hash = (hash ^ hash >> 33) * 0xC4CEB9FE1A85EC53ull;
    hash ^= hash >> 33;
    return size_t(hash) ^ seed;
}

// A name as a hash key (QHash<View> would use SipHash, see nameHash()).
struct Name
{
    Name(View text)
        : view(text)
    {} // implicit: lookups pass a View

    View view;

    friend bool operator==(const Name &a, const Name &b);
};

size_t qHash(const Name &name, size_t seed = 0)
{
    return nameHash(name.view, seed);
}

// Inlined, and word by word as nameHash() reads: QByteArrayView's == calls out twice (Qt's
// compareMemory, then memcmp), which costs more than the comparison of a short name.
Q_ALWAYS_INLINE bool sameBytes(View a, View b)
{
    const qsizetype size = a.size();
    if (size != b.size())
        return false;
    for (qsizetype i = 0; i + 8 < size; i += 8) {
        if (load64(a.data() + i) != load64(b.data() + i))
            return false;
    }
    return lastWord(a.data(), size) == lastWord(b.data(), size);
}

bool operator==(const Name &a, const Name &b)
{
    return sameBytes(a.view, b.view);
}

// QByteArrayView::contains(char) without Qt's general search around memchr.
Q_ALWAYS_INLINE bool containsByte(View text, char c)
{
    return !text.isEmpty() && std::memchr(text.data(), c, size_t(text.size()));
}

Q_ALWAYS_INLINE quint32 shortHash(View name)
{
    return quint32(nameHash(name, 0));
}

// The fields of every model (or every composite type) by name: one small open-addressing table
// per block, all in one vector, filled block after block. As in Prisma's maps, the last field
// of a name wins.
class FieldNameIndex
{
public:
    void reserve(qsizetype owners, qsizetype fields)
    {
        m_owners.reserve(std::size_t(owners));
        m_slots.reserve(std::size_t(fields) * 2 + std::size_t(owners) * 4);
        m_names.reserve(std::size_t(fields));
    }

    /// Starts the table of the next block (`owner` is its index), for `count` fields.
    void beginOwner(int owner, qsizetype count)
    {
        Q_ASSERT(owner == int(m_owners.size()));
        Q_UNUSED(owner);
        std::size_t capacity = 4;
        while (capacity < std::size_t(count) * 2)
            capacity *= 2;
        m_owners.push_back({m_slots.size(), capacity - 1, m_names.size()});
        m_slots.resize(m_slots.size() + capacity, Slot{0, -1});
        m_names.resize(m_names.size() + std::size_t(count));
    }

    /// Adds field `field` of the current block; true when the name was already taken.
    bool insert(View name, int field)
    {
        const Owner &owner = m_owners.back();
        m_names[owner.names + std::size_t(field)] = name;
        const quint32 hash = shortHash(name);
        for (std::size_t i = hash & owner.mask;; i = (i + 1) & owner.mask) {
            Slot &slot = m_slots[owner.firstSlot + i];
            if (slot.field < 0) {
                slot = {hash, field};
                return false;
            }
            if (slot.hash == hash &&
                sameBytes(m_names[owner.names + std::size_t(slot.field)], name)) {
                slot.field = field;
                return true;
            }
        }
    }

    /// The field of block `owner` called `name`, or -1.
    int value(int owner, View name) const
    {
        if (owner < 0 || std::size_t(owner) >= m_owners.size())
            return -1;
        const Owner &table = m_owners[std::size_t(owner)];
        const quint32 hash = shortHash(name);
        for (std::size_t i = hash & table.mask;; i = (i + 1) & table.mask) {
            const Slot &slot = m_slots[table.firstSlot + i];
            if (slot.field < 0)
                return -1;
            if (slot.hash == hash &&
                sameBytes(m_names[table.names + std::size_t(slot.field)], name))
                return slot.field;
        }
    }

private:
    struct Owner
    {
        std::size_t firstSlot;
        std::size_t mask;
        std::size_t names;
    };
    struct Slot
    {
        quint32 hash;
        int field;
    };

    std::vector<Owner> m_owners;
    std::vector<Slot> m_slots;
    std::vector<View> m_names;
};

// One shared QString per distinct text (see DataModelBuilder::Impl::intern()): an
// open-addressing table of views into the source files.
class StringTable
{
public:
    StringTable()
        : m_slots(256)
    {}

    QString get(View text)
    {
        const size_t hash = nameHash(text, 0);
        size_t mask = m_slots.size() - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (!slot.used) {
                if (m_size * 2 >= m_slots.size()) {
                    grow();
                    return get(text);
                }
                slot = {hash, text, utf8::toQString(text.data(), text.size()), true};
                ++m_size;
                return slot.value;
            }
            if (slot.hash == hash && sameBytes(slot.key, text))
                return slot.value;
        }
    }

private:
    struct Slot
    {
        size_t hash = 0;
        View key;
        QString value;
        bool used = false;
    };

    void grow()
    {
        std::vector<Slot> old(m_slots.size() * 2);
        old.swap(m_slots);
        const size_t mask = m_slots.size() - 1;
        for (Slot &slot : old) {
            if (!slot.used)
                continue;
            size_t i = slot.hash & mask;
            while (m_slots[i].used)
                i = (i + 1) & mask;
            m_slots[i] = std::move(slot);
        }
    }

    std::vector<Slot> m_slots;
    size_t m_size = 0;
};

// A short list described word by word: each string as its data pointer and size, numbers as
// they are. Strings from intern() have one data pointer per text, so equal keys mean equal
// lists (and equal lists of strings from elsewhere just do not meet). Too long a list has no
// key: add() says so.
struct ListKey
{
    static constexpr int capacity = 20;
    std::array<quintptr, capacity> words;
    int count = 0;

    bool add(quintptr word)
    {
        if (count == capacity)
            return false;
        words[std::size_t(count++)] = word;
        return true;
    }
    bool add(const QString &text)
    {
        return add(quintptr(text.constData())) && add(quintptr(text.size()));
    }

    friend bool operator==(const ListKey &a, const ListKey &b)
    {
        return a.count == b.count &&
               std::equal(a.words.begin(), a.words.begin() + a.count, b.words.begin());
    }
};

size_t qHash(const ListKey &key, size_t seed = 0)
{
    return nameHash(View(reinterpret_cast<const char *>(key.words.data()),
                         qsizetype(key.count) * qsizetype(sizeof(quintptr))),
                    seed);
}

// One shared QList per distinct short list (see DataModelBuilder::Impl::sharedList()).
template <typename T> class ListTable
{
public:
    // The list `key` describes: the one made by `make()` the first time it was asked for.
    template <typename Make> QList<T> get(const ListKey &key, Make make)
    {
        auto found = m_lists.constFind(key);
        if (found == m_lists.constEnd())
            found = m_lists.insert(key, make());
        return found.value();
    }

private:
    QHash<ListKey, QList<T>> m_lists;
};

// A name as UTF-8 bytes for the lookups keyed by source text, on the stack when it is ASCII.
class Utf8Key
{
public:
    explicit Utf8Key(const QString &text)
    {
        // One pass: copied as if ASCII, converted after all when a unit turns out not to be.
        m_ascii.resize(text.size());
        const ushort *in = text.utf16();
        char *out = m_ascii.data();
        ushort all = 0;
        for (qsizetype i = 0; i < text.size(); ++i) {
            all |= in[i];
            out[i] = char(in[i]);
        }
        if (all < 0x80) {
            m_view = View(m_ascii.constData(), m_ascii.size());
        } else {
            m_utf8 = text.toUtf8();
            m_view = m_utf8;
        }
    }

    View view() const { return m_view; }

private:
    QVarLengthArray<char, 128> m_ascii;
    QByteArray m_utf8;
    View m_view;
};

// The attribute names the passes look for, as small numbers: attributes are classified once,
// then each pass compares numbers instead of text.
enum AttributeKind : quint8 {
    KindOther,
    KindScoped, ///< `db.VarChar`: a native type
    KindMap,
    KindIgnore,
    KindRelation,
    KindId,
    KindUpdatedAt,
    KindDefault,
    KindUnique,
    KindIndex,
    KindFulltext,
    KindSchema,
};

AttributeKind attributeKind(View name)
{
    // The length is the literal's, known at compile time: the comparison is a load or two,
    // not a call to memcmp (each case below has already checked name's size).
    const auto is = [&](const auto &text) {
        return std::memcmp(name.data(), text, sizeof text - 1) == 0;
    };
    switch (name.size()) {
    case 2:
        if (is("id"))
            return KindId;
        break;
    case 3:
        if (is("map"))
            return KindMap;
        break;
    case 5:
        if (is("index"))
            return KindIndex;
        break;
    case 6:
        if (is("unique"))
            return KindUnique;
        if (is("ignore"))
            return KindIgnore;
        if (is("schema"))
            return KindSchema;
        break;
    case 7:
        if (is("default"))
            return KindDefault;
        break;
    case 8:
        if (is("relation"))
            return KindRelation;
        if (is("fulltext"))
            return KindFulltext;
        break;
    case 9:
        if (is("updatedAt"))
            return KindUpdatedAt;
        break;
    default:
        break;
    }
    return containsByte(name, '.') ? KindScoped : KindOther;
}

// The name of an attribute kind, for messages (KindOther and KindScoped have none).
const char *attributeKindName(AttributeKind kind)
{
    static constexpr std::array<const char *, 12> names = {
        "",          "",        "map",    "ignore", "relation", "id",
        "updatedAt", "default", "unique", "index",  "fulltext", "schema"};
    return names[size_t(kind)];
}

enum class TopKind : quint8 { Model, Enum, CompositeType };

struct TopRef
{
    TopKind kind;
    int index;
};

QString toQString(View text)
{
    return utf8::toQString(text.data(), text.size());
}

// Shared copies of the scalar type names: no allocation per field.
const QString &scalarTypeString(ScalarType type)
{
    static const std::array<QString, 9> names = {
        QStringLiteral("String"),   QStringLiteral("Boolean"), QStringLiteral("Int"),
        QStringLiteral("BigInt"),   QStringLiteral("Float"),   QStringLiteral("Decimal"),
        QStringLiteral("DateTime"), QStringLiteral("Json"),    QStringLiteral("Bytes")};
    return names[size_t(type)];
}

// What Prisma's Expression::describe_value_type says (true and false are constants there).
const char *valueTypeName(const Expression &expression)
{
    switch (expression.kind) {
    case Expression::Kind::String:
        return "string";
    case Expression::Kind::Number:
        return "numeric";
    case Expression::Kind::Boolean:
    case Expression::Kind::Constant:
        return "literal";
    case Expression::Kind::Function:
        return "functional";
    case Expression::Kind::Array:
        return "array";
    case Expression::Kind::Object:
        return "object";
    }
    return "literal";
}

bool isConstant(const Expression &expression)
{
    return expression.is(Expression::Kind::Constant) || expression.is(Expression::Kind::Boolean);
}

std::optional<qint64> parseInteger(View text)
{
    qint64 value = 0;
    const char *end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, value);
    if (result.ec != std::errc() || result.ptr != end)
        return std::nullopt;
    return value;
}

// Rust's char::is_numeric on the first character: ASCII digits, and any Unicode number.
bool startsWithNumber(View name)
{
    if (name.isEmpty())
        return false;
    const uchar first = uchar(name.front());
    if (first < 0x80)
        return first >= '0' && first <= '9';
    const QString decoded = toQString(name.first(std::min<qsizetype>(name.size(), 4)));
    return !decoded.isEmpty() && decoded.at(0).isNumber();
}

// In byte order, for the binary search below (asked once per model, enum and view).
constexpr std::array<std::string_view, 45> reservedTypeNames = {
    "PrismaClient", "break",   "case",       "catch",     "class",    "const", "continue",
    "debugger",     "default", "delete",     "do",        "else",     "enum",  "export",
    "extends",      "false",   "finally",    "for",       "function", "if",    "implements",
    "import",       "in",      "instanceof", "interface", "let",      "new",   "null",
    "package",      "private", "protected",  "public",    "return",   "super", "switch",
    "this",         "throw",   "true",       "try",       "typeof",   "var",   "void",
    "while",        "with",    "yield"};

constexpr bool inByteOrder(const std::array<std::string_view, 45> &names)
{
    for (std::size_t i = 1; i < names.size(); ++i) {
        if (!(names[i - 1] < names[i]))
            return false;
    }
    return true;
}
static_assert(inByteOrder(reservedTypeNames), "reservedTypeNames must stay sorted");

// The first bytes of reservedTypeNames, as a bit per byte: most model names (`User`,
// `Account`) are ruled out without the search.
constexpr std::array<quint64, 4> reservedFirstBytes()
{
    std::array<quint64, 4> bits{};
    for (const std::string_view name : reservedTypeNames) {
        const auto first = uchar(name.front());
        bits[first / 64] |= quint64(1) << (first % 64);
    }
    return bits;
}

bool isReservedTypeName(View name)
{
    static constexpr std::array<quint64, 4> firstBytes = reservedFirstBytes();
    const uchar first = name.isEmpty() ? 0 : uchar(name.front());
    if (name.isEmpty() || !(firstBytes[first / 64] >> (first % 64) & 1))
        return false;
    const std::string_view text(name.data(), size_t(name.size()));
    return std::binary_search(reservedTypeNames.begin(), reservedTypeNames.end(), text);
}

constexpr std::array<std::string_view, 56> operatorClasses = {
    "InetOps",
    "JsonbOps",
    "JsonbPathOps",
    "ArrayOps",
    "TextOps",
    "BitMinMaxOps",
    "VarBitMinMaxOps",
    "BpcharBloomOps",
    "BpcharMinMaxOps",
    "ByteaBloomOps",
    "ByteaMinMaxOps",
    "DateBloomOps",
    "DateMinMaxOps",
    "DateMinMaxMultiOps",
    "Float4BloomOps",
    "Float4MinMaxOps",
    "Float4MinMaxMultiOps",
    "Float8BloomOps",
    "Float8MinMaxOps",
    "Float8MinMaxMultiOps",
    "InetInclusionOps",
    "InetBloomOps",
    "InetMinMaxOps",
    "InetMinMaxMultiOps",
    "Int2BloomOps",
    "Int2MinMaxOps",
    "Int2MinMaxMultiOps",
    "Int4BloomOps",
    "Int4MinMaxOps",
    "Int4MinMaxMultiOps",
    "Int8BloomOps",
    "Int8MinMaxOps",
    "Int8MinMaxMultiOps",
    "NumericBloomOps",
    "NumericMinMaxOps",
    "NumericMinMaxMultiOps",
    "OidBloomOps",
    "OidMinMaxOps",
    "OidMinMaxMultiOps",
    "TextBloomOps",
    "TextMinMaxOps",
    "TimestampBloomOps",
    "TimestampMinMaxOps",
    "TimestampMinMaxMultiOps",
    "TimestampTzBloomOps",
    "TimestampTzMinMaxOps",
    "TimestampTzMinMaxMultiOps",
    "TimeBloomOps",
    "TimeMinMaxOps",
    "TimeMinMaxMultiOps",
    "TimeTzBloomOps",
    "TimeTzMinMaxOps",
    "TimeTzMinMaxMultiOps",
    "UuidBloomOps",
    "UuidMinMaxOps",
    "UuidMinMaxMultiOps",
};

bool isOperatorClass(View name)
{
    const std::string_view text(name.data(), size_t(name.size()));
    for (const std::string_view known : operatorClasses) {
        if (text == known)
            return true;
    }
    return false;
}

// The arguments each attribute reads (unnamed first, then `name:`), for messages; nullptr
// for an attribute Prisma does not know.
const char *argumentSignature(bool blockAttribute, QByteArrayView name)
{
    struct Signature
    {
        const char *name;
        const char *arguments;
    };
    static constexpr std::array<Signature, 7> field = {{
        {"id", "map:, length:, sort:, clustered:"},
        {"unique", "map:, length:, sort:, clustered:"},
        {"default", "value, map:"},
        {"map", "name"},
        {"relation", "name, fields:, references:, onDelete:, onUpdate:, map:"},
        {"updatedAt", ""},
        {"ignore", ""},
    }};
    static constexpr std::array<Signature, 7> block = {{
        {"id", "fields, name:, map:, clustered:"},
        {"unique", "fields, name:, map:, clustered:, where:"},
        {"index", "fields, name:, map:, type:, clustered:, where:"},
        {"fulltext", "fields, map:"},
        {"map", "name"},
        {"schema", "map"},
        {"ignore", ""},
    }};
    const auto find = [&](const auto &table) -> const char * {
        for (const Signature &signature : table) {
            if (name == signature.name)
                return signature.arguments;
        }
        return nullptr;
    };
    return blockAttribute ? find(block) : find(field);
}

// Field names from an index's field list, with their options.
struct IndexFieldArgument
{
    View name;
    const Expression *expression = nullptr;
    std::optional<SortOrder> sort;
    std::optional<int> length;
    QString operatorClass;
    bool operatorClassIsRaw = false;
};

// Where a name of an index's field list was not found.
struct UnknownField
{
    View name;
    int compositeType = -1; ///< the composite type it was looked up in, or -1 for the model
};

} // namespace

class DataModelBuilder::Impl
{
public:
    Impl(const SchemaSource &schema, QList<Diagnostic> *diagnostics)
        : m_files(schema.files())
        , m_out(diagnostics)
    {}

    DataModel run()
    {
        for (const ParsedFile &file : m_files) {
            m_dm.m_files.append(file.path());
            m_contents.push_back(View(file.source.content()));
        }
        collect(); // and pass 1, names
        resolveTypes();
        resolveAttributes();
        inferRelations();
        loadConfiguration();
        return std::move(m_dm);
    }

private:
    struct BlockRef
    {
        int file;
        const Block *block;
    };

    /// A range [first, second) of m_namedTypeFields: one block's fields of named types.
    using TypeFields = std::pair<std::size_t, std::size_t>;

    // The attributes of one field, value or block while they are being visited: which ones
    // some pass has taken (the others are unknown).
    struct AttributeSet
    {
        int file = 0;
        NodeList<Attribute> attributes;
        QVarLengthArray<bool, 8> used;
        QVarLengthArray<View, 8> names;          ///< of the attributes, read once
        QVarLengthArray<AttributeKind, 8> kinds; ///< the same, classified
        quint32 present = 0;                     ///< a bit per kind in kinds

        bool has(AttributeKind kind) const { return present & (1u << unsigned(kind)); }
    };

    // The arguments of the attribute being visited (Prisma's Context::set_attribute): one
    // per name, the last one winning; unnamed arguments under an empty name.
    struct ArgumentSlot
    {
        View name;
        bool named;
        int index;
        bool used;
    };

    // ---- text and diagnostics -------------------------------------------------------------

    const ParsedFile &file(int index) const { return m_files[size_t(index)]; }
    // SourceFile::text() without its function call (ranges come from the parser; clamped all
    // the same, so that a wrong range can only give wrong text).
    View text(int fileIndex, SourceRange range) const
    {
        const View content = m_contents[size_t(fileIndex)];
        // One test for the ranges the parser made; the clamping only for others.
        if (Q_LIKELY(0 <= range.start && range.start <= range.end && range.end <= content.size()))
            return View(content.data() + range.start, range.end - range.start);
        return clampedText(content, range);
    }
    Q_NEVER_INLINE static View clampedText(View content, SourceRange range)
    {
        const qsizetype start = std::clamp<qsizetype>(range.start, 0, content.size());
        const qsizetype end = std::clamp<qsizetype>(range.end, start, content.size());
        return content.sliced(start, end - start);
    }
    View text(int fileIndex, const Identifier &identifier) const
    {
        return text(fileIndex, identifier.range);
    }
    // Names repeat across a schema (`id`, `email`, `createdAt`, `db`, `now`): one shared copy
    // of each saves an allocation per field.
    QString intern(View text) const { return m_strings.get(text); }

    QString string(int fileIndex, SourceRange range) const
    {
        return intern(text(fileIndex, range));
    }

    // The value of a String expression, shared when it has no escapes.
    QString literal(int fileIndex, const Expression &expression) const
    {
        const View raw = text(fileIndex, expression.range);
        if (expression.is(Expression::Kind::String) && raw.size() >= 2 && !containsByte(raw, '\\'))
            return intern(raw.sliced(1, raw.size() - 2));
        return file(fileIndex).stringValue(expression);
    }

    QString string(int fileIndex, const Identifier &identifier) const
    {
        return string(fileIndex, identifier.range);
    }

    SourceSpan span(int fileIndex, SourceRange range) const { return {fileIndex, range}; }

    void error(int fileIndex, SourceRange range, const QString &message)
    {
        ++m_errorCount;
        if (m_out)
            m_out->append(Diagnostic::error(file(fileIndex).source, range, message));
    }

    // Prisma's DatamodelError::new_model_validation_error.
    void modelError(int fileIndex, SourceRange range, View model, const QString &message)
    {
        error(fileIndex, range,
              QStringLiteral("Error validating model \"%1\": %2").arg(toQString(model), message));
    }

    QString render(int fileIndex, const Expression &expression) const
    {
        return renderExpression(file(fileIndex), expression);
    }

    // coerce::* of parser-database: the value, or an error naming what was expected.
    void typeMismatch(int fileIndex, const Expression &expression, const char *expected)
    {
        error(fileIndex, expression.range,
              QStringLiteral("Expected a %1 value, but received %2 value `%3`.")
                  .arg(QLatin1String(expected), QLatin1String(valueTypeName(expression)),
                       render(fileIndex, expression)));
    }

    std::optional<QString> coerceString(int fileIndex, const Expression &expression)
    {
        if (expression.is(Expression::Kind::String))
            return literal(fileIndex, expression);
        typeMismatch(fileIndex, expression, "string");
        return std::nullopt;
    }

    std::optional<View> coerceConstant(int fileIndex, const Expression &expression)
    {
        if (isConstant(expression))
            return text(fileIndex, expression.range);
        typeMismatch(fileIndex, expression, "constant");
        return std::nullopt;
    }

    std::optional<bool> coerceBoolean(int fileIndex, const Expression &expression)
    {
        if (isConstant(expression)) {
            const View value = text(fileIndex, expression.range);
            if (value == "true"_v || value == "false"_v)
                return value == "true"_v;
        }
        typeMismatch(fileIndex, expression, "boolean");
        return std::nullopt;
    }

    std::optional<qint64> coerceInteger(int fileIndex, const Expression &expression)
    {
        if (expression.is(Expression::Kind::Number)) {
            if (const auto value = parseInteger(text(fileIndex, expression.range)))
                return value;
        }
        typeMismatch(fileIndex, expression, "numeric");
        return std::nullopt;
    }

    // ---- attribute visiting (parser-database's Context) -----------------------------------

    AttributeSet attributeSet(int fileIndex, const NodeList<Attribute> &attributes) const
    {
        AttributeSet set;
        set.file = fileIndex;
        set.attributes = attributes;
        set.used.resize(qsizetype(attributes.size()));
        std::fill(set.used.begin(), set.used.end(), false);
        for (const Attribute &attribute : attributes) {
            set.names.append(text(fileIndex, attribute.name));
            set.kinds.append(attributeKind(set.names.back()));
            set.present |= 1u << unsigned(set.kinds.back());
        }
        return set;
    }

    static View attributeName(const AttributeSet &set, const Attribute &attribute)
    {
        return set.names[&attribute - set.attributes.begin()];
    }

    // visit_optional_single_attr: the attribute if it is there once and its arguments are
    // usable; a repeated one is reported on every occurrence. Each field is asked for seven
    // kinds and has one or two: the check for absence is inlined, the rest is not.
    const Attribute *visitSingle(AttributeSet &set, AttributeKind kind)
    {
        return set.has(kind) ? visitPresentSingle(set, kind) : nullptr;
    }

    Q_NEVER_INLINE const Attribute *visitPresentSingle(AttributeSet &set, AttributeKind kind)
    {
        int found = -1;
        int count = 0;
        for (int i = 0; i < int(set.attributes.size()); ++i) {
            if (set.kinds[i] == kind) {
                if (found < 0)
                    found = i;
                ++count;
            }
        }
        if (found < 0)
            return nullptr;
        if (count > 1) {
            for (int i = 0; i < int(set.attributes.size()); ++i) {
                const Attribute &attribute = set.attributes[size_t(i)];
                if (set.kinds[i] == kind) {
                    error(set.file, attribute.range,
                          QStringLiteral("Attribute \"@%1\" can only be defined once.")
                              .arg(QLatin1String(attributeKindName(kind))));
                    set.used[i] = true;
                }
            }
            return nullptr;
        }
        set.used[found] = true;
        const Attribute &attribute = set.attributes[size_t(found)];
        return beginArguments(set.file, attribute) ? &attribute : nullptr;
    }

    // visit_repeated_attr: the next unvisited attribute called `name` with usable arguments.
    const Attribute *visitRepeated(AttributeSet &set, AttributeKind kind)
    {
        if (!set.has(kind))
            return nullptr;
        for (int i = 0; i < int(set.attributes.size()); ++i) {
            const Attribute &attribute = set.attributes[size_t(i)];
            if (set.used[i] || set.kinds[i] != kind)
                continue;
            set.used[i] = true;
            if (beginArguments(set.file, attribute))
                return &attribute;
        }
        return nullptr;
    }

    // visit_datasource_scoped: the `@db.X` attribute (the last one; repeats are reported).
    // Asked for every scalar field: the check for absence is inlined, as in visitSingle().
    const Attribute *visitDatasourceScoped(AttributeSet &set)
    {
        return set.has(KindScoped) ? visitPresentDatasourceScoped(set) : nullptr;
    }

    Q_NEVER_INLINE const Attribute *visitPresentDatasourceScoped(AttributeSet &set)
    {
        const Attribute *found = nullptr;
        for (int i = 0; i < int(set.attributes.size()); ++i) {
            if (set.kinds[i] != KindScoped)
                continue;
            const Attribute &attribute = set.attributes[size_t(i)];
            const View name = attributeName(set, attribute);
            const qsizetype dot = name.indexOf('.');
            set.used[i] = true;
            if (found)
                error(set.file, attribute.range,
                      QStringLiteral("Attribute \"@%1\" can only be defined once.")
                          .arg(toQString(name.first(dot))));
            found = &attribute;
        }
        return found;
    }

    // validate_visited_attributes: what no pass took is unknown.
    void finishAttributes(const AttributeSet &set)
    {
        for (int i = 0; i < int(set.attributes.size()); ++i) {
            if (set.used[i])
                continue;
            const Attribute &attribute = set.attributes[size_t(i)];
            error(set.file, attribute.range,
                  QStringLiteral("Attribute not known: \"@%1\".")
                      .arg(toQString(attributeName(set, attribute))));
        }
    }

    // set_attribute: arguments without a value and trailing commas make the attribute
    // unusable; repeated names are reported.
    bool beginArguments(int fileIndex, const Attribute &attribute)
    {
        m_attribute = &attribute;
        m_attributeFile = fileIndex;
        m_arguments.clear();
        if (!attribute.arguments)
            return true;

        bool usable = true;
        // Most lists have nothing to report: that is checked inline, the reporting is not.
        const auto clean = [](const ArgumentList &list) {
            if (list.trailingComma)
                return false;
            for (const Argument &argument : list.arguments) {
                if (argument.isEmpty() && argument.name)
                    return false;
            }
            return true;
        };
        const auto reportList = [&](const ArgumentList &list, bool inArray) {
            for (const Argument &argument : list.arguments) {
                if (argument.isEmpty() && argument.name) {
                    attributeError(QStringLiteral("The `%1` argument is missing a value.")
                                       .arg(string(fileIndex, *argument.name)),
                                   argument.name->range, inArray);
                    if (!inArray)
                        usable = false;
                }
            }
            if (list.trailingComma && !inArray)
                attributeError(QStringLiteral("Trailing commas are not valid in attribute "
                                              "arguments, please remove the comma."),
                               *list.trailingComma);
        };
        const auto checkList = [&](const ArgumentList &list, bool inArray) {
            if (!clean(list))
                reportList(list, inArray);
        };
        checkList(*attribute.arguments, false);
        for (const Argument &argument : attribute.arguments->arguments) {
            if (!argument.value)
                continue;
            if (argument.value->is(Expression::Kind::Function))
                checkList(argument.value->arguments, false);
            else if (argument.value->is(Expression::Kind::Array)) {
                for (const Expression &element : argument.value->elements) {
                    if (element.is(Expression::Kind::Function))
                        checkList(element.arguments, true);
                }
            }
        }
        if (!usable) {
            m_attribute = nullptr;
            return false;
        }

        QStringList unnamed;
        const NodeList<Argument> &arguments = attribute.arguments->arguments;
        for (int i = 0; i < int(arguments.size()); ++i) {
            const Argument &argument = arguments[size_t(i)];
            if (!argument.value)
                continue;
            const View name = argument.name ? text(fileIndex, *argument.name) : View();
            ArgumentSlot *existing = nullptr;
            for (ArgumentSlot &slot : m_arguments) {
                if (slot.named == argument.isNamed() && sameBytes(slot.name, name))
                    existing = &slot;
            }
            if (!existing) {
                m_arguments.push_back({name, argument.isNamed(), i, false});
                continue;
            }
            if (argument.isNamed()) {
                error(fileIndex, argument.range,
                      QStringLiteral("Argument \"%1\" is already specified.").arg(toQString(name)));
            } else {
                if (unnamed.isEmpty())
                    unnamed.append(render(fileIndex, *arguments[size_t(existing->index)].value));
                unnamed.append(render(fileIndex, *argument.value));
            }
            existing->index = i;
        }
        if (!unnamed.isEmpty())
            attributeError(QStringLiteral("You provided multiple unnamed arguments. This is not "
                                          "possible. Did you forget the brackets? Did you mean "
                                          "`[%1]`?")
                               .arg(unnamed.join(QLatin1String(", "))));
        return true;
    }

    const Argument &argumentAt(int index) const
    {
        return m_attribute->arguments->arguments[size_t(index)];
    }

    ArgumentSlot *slot(View name, bool named)
    {
        for (ArgumentSlot &slot : m_arguments) {
            if (!slot.used && slot.named == named && (!named || sameBytes(slot.name, name)))
                return &slot;
        }
        return nullptr;
    }

    // visit_optional_arg.
    const Expression *optionalArgument(View name)
    {
        ArgumentSlot *found = slot(name, true);
        if (!found)
            return nullptr;
        found->used = true;
        return &*argumentAt(found->index).value;
    }

    // visit_default_arg: the argument called `name`, or else the unnamed one.
    const Expression *defaultArgument(View name, bool report = true)
    {
        ArgumentSlot *named = slot(name, true);
        ArgumentSlot *unnamed = slot({}, false);
        if (named)
            named->used = true;
        if (unnamed)
            unnamed->used = true;
        if (named && unnamed) {
            if (report)
                error(m_attributeFile, argumentAt(named->index).range,
                      QStringLiteral("Argument \"%1\" is already specified as unnamed argument.")
                          .arg(toQString(name)));
            return nullptr;
        }
        if (!named && !unnamed) {
            if (report)
                error(m_attributeFile, m_attribute->range,
                      QStringLiteral("Argument \"%1\" is missing.").arg(toQString(name)));
            return nullptr;
        }
        return &*argumentAt((named ? named : unnamed)->index).value;
    }

    // validate_visited_arguments.
    void finishArguments()
    {
        for (const ArgumentSlot &slot : std::as_const(m_arguments)) {
            if (!slot.used)
                error(m_attributeFile, argumentAt(slot.index).range,
                      QStringLiteral("No such argument.") + signatureHint());
        }
        discardArguments();
    }

    // DIFFERS: Prisma says only "No such argument."; the arguments the attribute takes are
    // added, which is what one wants to know next.
    QString signatureHint() const
    {
        const QString name =
            (m_attribute->isBlockAttribute ? QLatin1String("@@") : QLatin1String("@")) +
            string(m_attributeFile, m_attribute->name);
        const char *arguments = argumentSignature(m_attribute->isBlockAttribute,
                                                  text(m_attributeFile, m_attribute->name));
        if (!arguments)
            return {};
        if (!*arguments)
            return QStringLiteral(" `%1` takes no arguments.").arg(name);
        return QStringLiteral(" `%1` takes: %2.").arg(name, QLatin1String(arguments));
    }

    void discardArguments()
    {
        m_arguments.clear();
        m_attribute = nullptr;
    }

    // push_attribute_validation_error: `Error parsing attribute "@name": ...` on the
    // attribute (or on `range`). Prisma names block attributes with one `@`, except inside
    // field lists (`@@index([a(sort: )])`).
    void attributeError(const QString &message, std::optional<SourceRange> range = std::nullopt,
                        bool doubleAt = false)
    {
        const QString name = string(m_attributeFile, m_attribute->name);
        error(m_attributeFile, range ? *range : m_attribute->range,
              QStringLiteral("Error parsing attribute \"%1%2\": %3")
                  .arg(doubleAt ? QLatin1String("@@") : QLatin1String("@"), name, message));
    }

    // `map:` or `name:` that must be a non-empty string.
    QString nonEmptyStringArgument(View name)
    {
        const Expression *value = optionalArgument(name);
        if (!value)
            return {};
        const std::optional<QString> text = coerceString(m_attributeFile, *value);
        if (!text)
            return {};
        if (text->isEmpty()) {
            attributeError(QStringLiteral("The `%1` argument cannot be an empty string.")
                               .arg(toQString(name)));
            return {};
        }
        return *text;
    }

    std::optional<bool> clusteredArgument()
    {
        const Expression *value = optionalArgument("clustered"_v);
        return value ? coerceBoolean(m_attributeFile, *value) : std::nullopt;
    }

    // ---- pass 0: blocks and fields --------------------------------------------------------

    void collect()
    {
        qsizetype models = 0, enums = 0, composites = 0, modelFields = 0, compositeFields = 0;
        for (const ParsedFile &parsed : m_files) {
            for (const Block &block : parsed.tree.blocks) {
                const bool isModel = block.is(Block::Kind::Model) || block.is(Block::Kind::View);
                models += isModel;
                enums += block.is(Block::Kind::Enum);
                composites += block.is(Block::Kind::CompositeType);
                (isModel ? modelFields : compositeFields) += qsizetype(block.fields.size());
            }
        }
        m_dm.m_models.reserve(models);
        m_dm.m_enums.reserve(enums);
        m_dm.m_compositeTypes.reserve(composites);
        m_modelBlocks.reserve(std::size_t(models));
        m_modelTypeFields.reserve(std::size_t(models));
        m_modelFields.reserve(models, modelFields);
        m_compositeFields.reserve(composites, compositeFields);
        m_tops.reserve(models + enums + composites);
        m_topBlocks.reserve(models + enums + composites);
        for (int f = 0; f < int(m_files.size()); ++f) {
            const NodeList<Block> &blocks = file(f).tree.blocks;
            for (int b = 0; b < int(blocks.size()); ++b) {
                const Block &block = blocks[size_t(b)];
                switch (block.kind) {
                case Block::Kind::Model:
                case Block::Kind::View:
                    collectModel(f, b, block);
                    break;
                case Block::Kind::Enum:
                    collectEnum(f, b, block);
                    break;
                case Block::Kind::CompositeType:
                    collectCompositeType(f, b, block);
                    break;
                case Block::Kind::Datasource:
                case Block::Kind::Generator:
                    m_configBlocks.push_back({f, &block});
                    break;
                }
                // Pass 1 in the same walk: names need nothing from later blocks (the
                // diagnostics come out in the same order as in a pass of their own).
                resolveBlockNames(f, block);
            }
        }
        finishNames();
    }

    // Fields are built in place: a ModelField is large, and moving it costs. Returns the range
    // in m_namedTypeFields of the fields whose types resolveTypes() has left to look up.
    TypeFields collectFields(int fileIndex, const Block &block, QList<ModelField> &fields)
    {
        const std::size_t firstNamed = m_namedTypeFields.size();
        fields.reserve(qsizetype(block.fields.size()));
        for (int i = 0; i < int(block.fields.size()); ++i) {
            const prisma::Field &ast = block.fields[size_t(i)];
            if (!ast.isValid || !ast.type)
                continue;
            ModelField &field = fields.emplace_back();
            field.name = string(fileIndex, ast.name);
            switch (ast.type->arity) {
            case prisma::FieldType::Arity::Required:
                field.arity = Arity::Required;
                break;
            case prisma::FieldType::Arity::Optional:
                field.arity = Arity::Optional;
                break;
            case prisma::FieldType::Arity::List:
                field.arity = Arity::List;
                break;
            }
            if (ast.documentation)
                field.documentation = *ast.documentation;
            field.span = span(fileIndex, ast.range);
            field.nameSpan = span(fileIndex, ast.name.range);
            field.typeSpan = span(fileIndex, ast.type->range);
            field.astIndex = i;
            resolveBuiltinType(fileIndex, *ast.type, field.type);
            if (field.type.is(ResolvedType::Kind::Unknown))
                m_namedTypeFields.push_back(int(fields.size() - 1));
        }
        return {firstNamed, m_namedTypeFields.size()};
    }

    // Scalar and Unsupported types name nothing in the schema and report nothing: they are
    // resolved here, while the field's syntax node is in the cache, and resolveTypes() does
    // not have to read it again (most fields of a schema are scalars).
    void resolveBuiltinType(int fileIndex, const prisma::FieldType &ast, ResolvedType &type) const
    {
        if (ast.unsupportedValue) {
            type.kind = ResolvedType::Kind::Unsupported;
            type.name = StringLiteral::decode(text(fileIndex, *ast.unsupportedValue));
        } else if (const auto scalar = scalarTypeFromName(text(fileIndex, ast.name))) {
            type.kind = ResolvedType::Kind::Scalar;
            type.scalar = *scalar;
            type.name = scalarTypeString(*scalar);
        }
    }

    void collectModel(int fileIndex, int blockIndex, const Block &block)
    {
        Model &model = m_dm.m_models.emplace_back();
        model.name = string(fileIndex, block.name);
        model.isView = block.is(Block::Kind::View);
        m_modelTypeFields.push_back(collectFields(fileIndex, block, model.fields));
        model.documentation = block.documentation;
        model.span = span(fileIndex, block.range);
        model.nameSpan = span(fileIndex, block.name.range);
        model.astIndex = blockIndex;
        m_modelBlocks.push_back({fileIndex, &block});
    }

    void collectEnum(int fileIndex, int blockIndex, const Block &block)
    {
        Enum enumType;
        enumType.name = string(fileIndex, block.name);
        enumType.values.reserve(qsizetype(block.values.size()));
        for (const prisma::EnumValue &ast : block.values) {
            EnumMember value;
            value.name = string(fileIndex, ast.name);
            value.documentation = ast.documentation;
            value.span = span(fileIndex, ast.range);
            enumType.values.append(std::move(value));
        }
        enumType.documentation = block.documentation;
        enumType.span = span(fileIndex, block.range);
        enumType.nameSpan = span(fileIndex, block.name.range);
        enumType.astIndex = blockIndex;
        m_dm.m_enums.append(std::move(enumType));
        m_enumBlocks.push_back({fileIndex, &block});
    }

    void collectCompositeType(int fileIndex, int blockIndex, const Block &block)
    {
        CompositeType type;
        type.name = string(fileIndex, block.name);
        m_compositeTypeFields.push_back(collectFields(fileIndex, block, type.fields));
        type.documentation = block.documentation;
        type.span = span(fileIndex, block.range);
        type.nameSpan = span(fileIndex, block.name.range);
        type.astIndex = blockIndex;
        m_dm.m_compositeTypes.append(std::move(type));
        m_compositeBlocks.push_back({fileIndex, &block});
    }

    // ---- pass 1: names (names.rs) ---------------------------------------------------------

    static const char *topTypeName(Block::Kind kind)
    {
        switch (kind) {
        case Block::Kind::Model:
            return "model";
        case Block::Kind::View:
            return "view";
        case Block::Kind::Enum:
            return "enum";
        case Block::Kind::CompositeType:
            return "composite type";
        case Block::Kind::Datasource:
            return "source";
        case Block::Kind::Generator:
            return "generator";
        }
        return "model";
    }

    void validateIdentifier(int fileIndex, const Identifier &identifier, const char *item)
    {
        const View name = text(fileIndex, identifier);
        // The usual name, checked inline: an ASCII non-digit first, no `-` anywhere.
        if (!name.isEmpty() && uchar(name.front()) < 0x80 &&
            !(name.front() >= '0' && name.front() <= '9') && !containsByte(name, '-'))
            return;
        reportIdentifier(fileIndex, identifier, name, item);
    }

    Q_NEVER_INLINE void reportIdentifier(int fileIndex, const Identifier &identifier, View name,
                                         const char *item)
    {
        if (name.isEmpty())
            error(fileIndex, identifier.range,
                  QStringLiteral("The name of a %1 must not be empty.").arg(QLatin1String(item)));
        else if (startsWithNumber(name))
            error(fileIndex, identifier.range,
                  QStringLiteral("The name of a %1 must not start with a number.")
                      .arg(QLatin1String(item)));
        else if (name.contains('-'))
            error(fileIndex, identifier.range,
                  QStringLiteral("The character `-` is not allowed in %1 names.")
                      .arg(QLatin1String(item)));
    }

    void validateAttributeIdentifiers(int fileIndex, const NodeList<Attribute> &attributes)
    {
        for (const Attribute &attribute : attributes)
            validateIdentifier(fileIndex, attribute.name, "Attribute");
    }

    // Models, enums and composite types in file order, as Prisma iterates its tops.
    void resolveBlockNames(int f, const Block &block)
    {
        const View name = text(f, block.name);
        if (scalarTypeFromName(name))
            error(f, block.name.range,
                  QStringLiteral("\"%1\" is a reserved scalar type name and cannot be "
                                 "used.")
                      .arg(toQString(name)));
        switch (block.kind) {
        case Block::Kind::Enum:
            resolveEnumNames(f, block);
            insertTop(f, block, {TopKind::Enum, m_namedEnums++}, m_topBlocks);
            break;
        case Block::Kind::Model:
        case Block::Kind::View:
            resolveModelNames(f, block, m_namedModels);
            insertTop(f, block, {TopKind::Model, m_namedModels++}, m_topBlocks);
            break;
        case Block::Kind::CompositeType:
            resolveCompositeNames(f, block, m_namedComposites);
            insertTop(f, block, {TopKind::CompositeType, m_namedComposites++}, m_topBlocks);
            break;
        case Block::Kind::Datasource:
        case Block::Kind::Generator: {
            checkDuplicateProperties(f, block);
            auto &namespaceOf =
                block.is(Block::Kind::Datasource) ? m_datasourceNames : m_generatorNames;
            if (const Block *existing = namespaceOf.value(name))
                duplicateTop(f, block, *existing);
            namespaceOf.insert(name, &block);
            break;
        }
        }
    }

    void finishNames()
    {
        // Prisma's name maps keep the last definition of a name; so do these lookups.
        m_dm.m_modelIndex.reserve(m_dm.m_models.size());
        for (int i = 0; i < m_dm.m_models.size(); ++i)
            m_dm.m_modelIndex.insert(m_dm.m_models.at(i).name, i);
        for (int i = 0; i < m_dm.m_enums.size(); ++i)
            m_dm.m_enumIndex.insert(m_dm.m_enums.at(i).name, i);
        for (int i = 0; i < m_dm.m_compositeTypes.size(); ++i)
            m_dm.m_compositeTypeIndex.insert(m_dm.m_compositeTypes.at(i).name, i);
    }

    void insertTop(int fileIndex, const Block &block, TopRef ref,
                   QHash<Name, std::pair<int, const Block *>> &blocks)
    {
        const View name = text(fileIndex, block.name);
        const auto existing = blocks.constFind(name);
        if (existing != blocks.cend())
            duplicateTop(fileIndex, block, *existing->second);
        blocks.insert(name, {fileIndex, &block});
        m_tops.insert(name, ref);
    }

    void duplicateTop(int fileIndex, const Block &duplicate, const Block &existing)
    {
        error(fileIndex, duplicate.name.range,
              QStringLiteral("The %1 \"%2\" cannot be defined because a %3 with that name already "
                             "exists.")
                  .arg(QLatin1String(topTypeName(duplicate.kind)),
                       string(fileIndex, duplicate.name),
                       QLatin1String(topTypeName(existing.kind))));
    }

    void resolveEnumNames(int fileIndex, const Block &block)
    {
        validateIdentifier(fileIndex, block.name, "Enum");
        const View name = text(fileIndex, block.name);
        if (isReservedTypeName(name))
            error(fileIndex, block.range,
                  QStringLiteral("Error validating enum `%1`: The enum name `%1` is invalid. It is "
                                 "a reserved name. Please change it. Read more at "
                                 "https://www.prisma.io/docs/reference/tools-and-interfaces/"
                                 "prisma-schema/data-model#naming-enums")
                      .arg(toQString(name)));
        validateAttributeIdentifiers(fileIndex, block.attributes);
        QVarLengthArray<View, 32> seen;
        for (const prisma::EnumValue &value : block.values) {
            validateIdentifier(fileIndex, value.name, "Enum Value");
            validateAttributeIdentifiers(fileIndex, value.attributes);
            const View valueName = text(fileIndex, value.name);
            if (std::find(seen.cbegin(), seen.cend(), valueName) != seen.cend())
                error(fileIndex, value.range,
                      QStringLiteral("Value \"%1\" is already defined on enum \"%2\".")
                          .arg(toQString(valueName), toQString(name)));
            else
                seen.append(valueName);
        }
    }

    void resolveModelNames(int fileIndex, const Block &block, int modelIndex)
    {
        const bool isView = block.is(Block::Kind::View);
        const View name = text(fileIndex, block.name);
        validateIdentifier(fileIndex, block.name, isView ? "view" : "Model");
        if (isReservedTypeName(name))
            modelError(fileIndex, block.range, name,
                       QStringLiteral("The %1 name `%2` is invalid. It is a reserved name. Please "
                                      "change it. Read more at https://pris.ly/d/naming-models")
                           .arg(QLatin1String(isView ? "view" : "model"), toQString(name)));
        validateAttributeIdentifiers(fileIndex, block.attributes);
        const QList<ModelField> &fields = m_dm.m_models.at(modelIndex).fields;
        m_modelFields.beginOwner(modelIndex, fields.size());
        for (int i = 0; i < fields.size(); ++i) {
            const prisma::Field &ast = block.fields[size_t(fields.at(i).astIndex)];
            validateIdentifier(fileIndex, ast.name, isView ? "field" : "Field");
            validateAttributeIdentifiers(fileIndex, ast.attributes);
            const View fieldName = text(fileIndex, ast.name);
            if (m_modelFields.insert(fieldName, i))
                error(fileIndex, ast.name.range,
                      QStringLiteral("Field \"%1\" is already defined on %2 \"%3\".")
                          .arg(toQString(fieldName), QLatin1String(isView ? "view" : "model"),
                               toQString(name)));
        }
    }

    void resolveCompositeNames(int fileIndex, const Block &block, int typeIndex)
    {
        validateIdentifier(fileIndex, block.name, "Composite type");
        const View name = text(fileIndex, block.name);
        const QList<ModelField> &fields = m_dm.m_compositeTypes.at(typeIndex).fields;
        m_compositeFields.beginOwner(typeIndex, fields.size());
        for (int i = 0; i < fields.size(); ++i) {
            const prisma::Field &ast = block.fields[size_t(fields.at(i).astIndex)];
            const View fieldName = text(fileIndex, ast.name);
            if (m_compositeFields.insert(fieldName, i))
                error(fileIndex, ast.name.range,
                      QStringLiteral("Field \"%1\" is already defined on composite type \"%2\".")
                          .arg(toQString(fieldName), toQString(name)));
        }
    }

    void checkDuplicateProperties(int fileIndex, const Block &block)
    {
        QVarLengthArray<View, 16> seen;
        for (const ConfigProperty &property : block.properties) {
            const View name = text(fileIndex, property.name);
            if (std::find(seen.cbegin(), seen.cend(), name) != seen.cend())
                error(fileIndex, property.name.range,
                      QStringLiteral("Key \"%1\" is already defined in %2 \"%3\".")
                          .arg(toQString(name), QLatin1String(topTypeName(block.kind)),
                               string(fileIndex, block.name)));
            else
                seen.append(name);
        }
    }

    // ---- pass 2: types (types.rs) ---------------------------------------------------------

    void resolveTypes()
    {
        // Blocks in source order, as Prisma reports them.
        qsizetype model = 0, composite = 0;
        for (int f = 0; f < int(m_files.size()); ++f) {
            for (const Block &block : file(f).tree.blocks) {
                switch (block.kind) {
                case Block::Kind::Model:
                case Block::Kind::View:
                    resolveFieldTypes(f, block, model, m_dm.m_models[model].fields,
                                      m_modelTypeFields[std::size_t(model)], false);
                    ++model;
                    break;
                case Block::Kind::CompositeType:
                    resolveFieldTypes(f, block, composite, m_dm.m_compositeTypes[composite].fields,
                                      m_compositeTypeFields[std::size_t(composite)], true);
                    ++composite;
                    break;
                case Block::Kind::Enum:
                    if (block.values.empty())
                        error(f, block.range,
                              QStringLiteral("An enum must have at least one value."));
                    break;
                default:
                    break;
                }
            }
        }
    }

    // The fields of one block whose types name a model, enum or composite type, in field order
    // (the others are resolved by resolveBuiltinType()): no walk over every field.
    void resolveFieldTypes(int fileIndex, const Block &block, int owner, QList<ModelField> &fields,
                           TypeFields named, bool inCompositeType)
    {
        for (std::size_t n = named.first; n < named.second; ++n) {
            const int fieldIndex = m_namedTypeFields[n];
            ModelField &field = fields[fieldIndex];
            ResolvedType &type = field.type;
            const prisma::FieldType &ast = *block.fields[size_t(field.astIndex)].type;
            const View name = text(fileIndex, ast.name);
            const auto top = m_tops.constFind(name);
            if (top == m_tops.cend()) {
                type.kind = ResolvedType::Kind::Unknown;
                type.name = toQString(name);
                error(fileIndex, ast.range,
                      QStringLiteral("Type \"%1\" is neither a built-in type, nor refers to "
                                     "another model, composite type, or enum.")
                          .arg(type.name));
                continue;
            }
            type.index = top->index;
            switch (top->kind) {
            case TopKind::Model:
                type.kind = ResolvedType::Kind::Model;
                type.name = m_dm.m_models.at(top->index).name;
                if (!inCompositeType) // DataModel::relationFields(), for the later passes
                    m_dm.m_relationFields.push_back({owner, fieldIndex});
                if (inCompositeType) {
                    error(fileIndex, ast.range,
                          QStringLiteral("Error validating composite type \"%1\": %2 refers to a "
                                         "model, making this a relation field. Relation fields "
                                         "inside composite types are not supported.")
                              .arg(string(fileIndex, block.name), type.name));
                }
                break;
            case TopKind::Enum:
                type.kind = ResolvedType::Kind::Enum;
                type.name = m_dm.m_enums.at(top->index).name;
                break;
            case TopKind::CompositeType:
                type.kind = ResolvedType::Kind::CompositeType;
                type.name = m_dm.m_compositeTypes.at(top->index).name;
                break;
            }
        }
    }

    // ---- pass 3: attributes (attributes.rs) -----------------------------------------------

    void resolveAttributes()
    {
        // Relation fields first, all of them, then each block in order.
        for (const auto &[model, field] : std::as_const(m_dm.m_relationFields))
            visitRelationField(model, field);
        int model = 0, enumIndex = 0, composite = 0;
        for (int f = 0; f < int(m_files.size()); ++f) {
            for (const Block &block : file(f).tree.blocks) {
                switch (block.kind) {
                case Block::Kind::Model:
                case Block::Kind::View:
                    resolveModelAttributes(model++);
                    break;
                case Block::Kind::Enum:
                    resolveEnumAttributes(enumIndex++);
                    break;
                case Block::Kind::CompositeType:
                    resolveCompositeAttributes(composite++);
                    break;
                default:
                    break;
                }
            }
        }
    }

    const prisma::Field &astField(int model, const ModelField &field) const
    {
        return m_modelBlocks[size_t(model)].block->fields[size_t(field.astIndex)];
    }

    bool isScalarField(const ModelField &field) const
    {
        return field.type.kind != ResolvedType::Kind::Model &&
               field.type.kind != ResolvedType::Kind::Unknown;
    }

    void visitRelationField(int modelIndex, int fieldIndex)
    {
        const BlockRef ref = m_modelBlocks[size_t(modelIndex)];
        ModelField &field = m_dm.m_models[modelIndex].fields[fieldIndex];
        const prisma::Field &ast = astField(modelIndex, field);
        if (ast.attributes.empty())
            return;
        AttributeSet set = attributeSet(ref.file, ast.attributes);

        if (visitSingle(set, KindRelation)) {
            visitRelation(modelIndex, fieldIndex);
            finishArguments();
        }
        if (visitSingle(set, KindId)) {
            attributeError(QStringLiteral("The field `%1` is a relation field and cannot be marked "
                                          "with `@id`. Only scalar fields can be declared as id.")
                               .arg(field.name));
            discardArguments();
        }
        if (visitSingle(set, KindIgnore)) {
            field.isIgnored = true;
            finishArguments();
        }
        if (visitSingle(set, KindDefault)) {
            attributeError(QStringLiteral("Cannot set a default value on a relation field."));
            discardArguments();
        }
        if (visitSingle(set, KindMap)) {
            attributeError(
                QStringLiteral("The attribute `@map` cannot be used on relation fields."));
            defaultArgument("name"_v);
            discardArguments();
        }
        if (visitSingle(set, KindUnique)) {
            QString suggestion;
            const QStringList fields =
                field.relationAttribute ? field.relationAttribute->fields : QStringList();
            if (fields.size() == 1)
                suggestion = QStringLiteral(" Did you mean to put it on `%1`?").arg(fields.first());
            else if (fields.size() > 1)
                suggestion = QStringLiteral(" Did you mean to provide `@@unique([%1])`?")
                                 .arg(fields.join(QLatin1String(", ")));
            attributeError(QStringLiteral("The field `%1` is a relation field and cannot be marked "
                                          "with `unique`. Only scalar fields can be made unique.%2")
                               .arg(field.name, suggestion));
            discardArguments();
        }
        finishAttributes(set);
    }

    // Field names of `fields:`/`references:` (resolve_field_array_without_args). Returns
    // false when they were already reported; fills `unknown` and `relations` otherwise.
    bool resolveFieldList(const Expression &value, int modelIndex, QStringList &names,
                          QStringList &unknown, QStringList &relations)
    {
        const int fileIndex = m_attributeFile;
        QVarLengthArray<View, 8> constants;
        bool valid = true;
        const auto take = [&](const Expression &expression) {
            if (const auto name = coerceConstant(fileIndex, expression))
                constants.append(*name);
            else
                valid = false;
        };
        forEachElement(value, take);
        if (!valid)
            return false;

        QVarLengthArray<int, 8> seen;
        const Model &model = m_dm.m_models.at(modelIndex);
        for (const View name : constants) {
            const int index = containsByte(name, '.') ? -1 : m_modelFields.value(modelIndex, name);
            if (index < 0) {
                unknown.append(toQString(name));
                continue;
            }
            if (!isScalarField(model.fields.at(index))) {
                relations.append(model.fields.at(index).name);
                continue;
            }
            if (std::find(seen.cbegin(), seen.cend(), index) != seen.cend()) {
                modelError(fileIndex, m_attribute->range,
                           text(m_modelBlocks[size_t(modelIndex)].file,
                                m_modelBlocks[size_t(modelIndex)].block->name),
                           QStringLiteral("The unique index definition refers to the field %1 "
                                          "multiple times.")
                               .arg(model.fields.at(index).name));
                return false;
            }
            seen.append(index);
        }
        const auto make = [&] {
            QStringList list;
            list.reserve(seen.size());
            for (const int index : std::as_const(seen))
                list.append(model.fields.at(index).name);
            return list;
        };
        ListKey key;
        bool keyed = true;
        for (const int index : std::as_const(seen))
            keyed = keyed && key.add(model.fields.at(index).name);
        names = keyed ? m_stringLists.get(key, make) : make();
        return true;
    }

    void visitRelation(int modelIndex, int fieldIndex)
    {
        const int fileIndex = m_attributeFile;
        RelationAttribute relation;
        relation.span = span(fileIndex, m_attribute->range);
        const int referenced = m_dm.m_models.at(modelIndex).fields.at(fieldIndex).type.index;

        if (const Expression *fields = optionalArgument("fields"_v)) {
            QStringList unknown, relations;
            relation.hasFields = true;
            if (!resolveFieldList(*fields, modelIndex, relation.fields, unknown, relations)) {
                relation.fields.clear();
            } else {
                if (!unknown.isEmpty())
                    error(fileIndex, fields->range,
                          QStringLiteral("The argument fields must refer only to existing fields. "
                                         "The following fields do not exist in this model: %1")
                              .arg(unknown.join(QLatin1String(", "))));
                if (!relations.isEmpty())
                    error(fileIndex, fields->range,
                          QStringLiteral("The argument fields must refer only to scalar fields. "
                                         "But it is referencing the following relation fields: %1")
                              .arg(relations.join(QLatin1String(", "))));
                if (!unknown.isEmpty() || !relations.isEmpty())
                    relation.fields.clear();
            }
        }
        if (const Expression *references = optionalArgument("references"_v)) {
            QStringList unknown, relations;
            relation.hasReferences = true;
            const QString &target = m_dm.m_models.at(referenced).name;
            if (!resolveFieldList(*references, referenced, relation.references, unknown,
                                  relations)) {
                relation.references.clear();
            } else {
                if (!unknown.isEmpty())
                    error(fileIndex, m_attribute->range,
                          QStringLiteral("The argument `references` must refer only to existing "
                                         "fields in the related model `%1`. The following fields "
                                         "do not exist in the related model: %2")
                              .arg(target, unknown.join(QLatin1String(", "))));
                if (!relations.isEmpty())
                    error(fileIndex, m_attribute->range,
                          QStringLiteral("The argument `references` must refer only to scalar "
                                         "fields in the related model `%1`. But it is referencing "
                                         "the following relation fields: %2")
                              .arg(target, relations.join(QLatin1String(", "))));
                if (!unknown.isEmpty() || !relations.isEmpty())
                    relation.references.clear();
            }
        }
        if (const Expression *name = defaultArgument("name"_v, false)) {
            if (const auto value = coerceString(fileIndex, *name)) {
                if (value->isEmpty())
                    attributeError(QStringLiteral("A relation cannot have an empty name."));
                else
                    relation.name = *value;
            }
        }
        relation.onDelete = referentialAction(optionalArgument("onDelete"_v));
        relation.onUpdate = referentialAction(optionalArgument("onUpdate"_v));
        relation.mappedName = nonEmptyStringArgument("map"_v);
        m_dm.m_models[modelIndex].fields[fieldIndex].relationAttribute = std::move(relation);
    }

    std::optional<ReferentialAction> referentialAction(const Expression *value)
    {
        if (!value)
            return std::nullopt;
        const auto name = coerceConstant(m_attributeFile, *value);
        if (!name)
            return std::nullopt;
        if (const auto action = referentialActionFromName(*name))
            return action;
        error(m_attributeFile, value->range,
              QStringLiteral("Error parsing attribute \"@relation\": Invalid referential action: "
                             "`%1`")
                  .arg(toQString(*name)));
        return std::nullopt;
    }

    void resolveModelAttributes(int modelIndex)
    {
        const BlockRef ref = m_modelBlocks[size_t(modelIndex)];
        Model &model = m_dm.m_models[modelIndex];
        for (int i = 0; i < model.fields.size(); ++i) {
            if (isScalarField(model.fields.at(i)))
                visitScalarField(modelIndex, i);
        }

        AttributeSet set = attributeSet(ref.file, ref.block->attributes);
        if (visitSingle(set, KindIgnore)) {
            for (const ModelField &field : std::as_const(model.fields)) {
                if (field.isIgnored && isScalarField(field))
                    error(
                        ref.file, field.span.range,
                        QStringLiteral("Error parsing attribute \"@ignore\": Fields on an already "
                                       "ignored Model do not need an `@ignore` annotation."));
            }
            model.isIgnored = true;
            finishArguments();
        }
        if (visitSingle(set, KindId)) {
            visitCompoundId(modelIndex);
            finishArguments();
        }
        if (visitSingle(set, KindMap)) {
            if (const auto mapped = mapArgument())
                model.mappedName = *mapped;
            finishArguments();
        }
        if (visitSingle(set, KindSchema)) {
            model.schema = schemaArgument();
            finishArguments();
        }
        while (visitRepeated(set, KindIndex)) {
            visitIndex(modelIndex, Index::Type::Normal);
            finishArguments();
        }
        while (visitRepeated(set, KindUnique)) {
            visitIndex(modelIndex, Index::Type::Unique);
            finishArguments();
        }
        while (visitRepeated(set, KindFulltext)) {
            visitIndex(modelIndex, Index::Type::Fulltext);
            finishArguments();
        }

        // id::validate_id_field_arities: a field's `@id` must be required.
        if (!model.isIgnored && model.primaryKey && model.primaryKey->isDefinedOnField &&
            !model.primaryKey->fields.isEmpty()) {
            const int field = model.primaryKey->fields.constFirst().field;
            if (field >= 0 && !model.fields.at(field).isRequired())
                error(
                    ref.file, model.primaryKey->span.range,
                    QStringLiteral("Error parsing attribute \"@id\": Fields that are marked as id "
                                   "must be required."));
        }
        finishAttributes(set);
    }

    std::optional<QString> mapArgument()
    {
        const Expression *value = defaultArgument("name"_v);
        if (!value)
            return std::nullopt;
        return coerceString(m_attributeFile, *value);
    }

    QString schemaArgument()
    {
        const Expression *value = defaultArgument("map"_v);
        if (!value)
            return {};
        return coerceString(m_attributeFile, *value).value_or(QString());
    }

    void visitScalarField(int modelIndex, int fieldIndex)
    {
        const BlockRef ref = m_modelBlocks[size_t(modelIndex)];
        Model &model = m_dm.m_models[modelIndex];
        ModelField &field = model.fields[fieldIndex];
        const prisma::Field &ast = astField(modelIndex, field);
        if (ast.attributes.empty())
            return;
        AttributeSet set = attributeSet(ref.file, ast.attributes);
        const View modelName = text(ref.file, ref.block->name);

        if (visitSingle(set, KindMap)) {
            if (const auto mapped = mapArgument()) {
                field.mappedName = *mapped;
                checkMappedFieldName(modelIndex, fieldIndex);
            }
            finishArguments();
        }
        if (visitSingle(set, KindIgnore)) {
            if (field.isUnsupported())
                attributeError(QStringLiteral("Fields of type `Unsupported` cannot take an "
                                              "`@ignore` attribute. They are already treated as "
                                              "ignored by the client due to their type."));
            else
                field.isIgnored = true;
            finishArguments();
        }
        if (visitSingle(set, KindRelation)) {
            attributeError(QStringLiteral("Invalid field type, not a relation."));
            finishArguments();
        }
        if (visitSingle(set, KindId)) {
            if (model.primaryKey) {
                modelError(ref.file, ref.block->range, modelName,
                           QStringLiteral("At most one field must be marked as the id field with "
                                          "the `@id` attribute."));
            } else {
                PrimaryKey key;
                key.mappedName = nonEmptyStringArgument("map"_v);
                IndexField indexField = singleFieldOptions(field, fieldIndex);
                key.clustered = clusteredArgument();
                key.fields = singleFieldList(std::move(indexField));
                key.isDefinedOnField = true;
                key.span = span(ref.file, m_attribute->range);
                field.isId = true;
                model.primaryKey = std::move(key);
            }
            finishArguments();
        }
        if (visitSingle(set, KindUpdatedAt)) {
            if (!field.type.isScalar(ScalarType::DateTime))
                attributeError(QStringLiteral(
                    "Fields that are marked with @updatedAt must be of type DateTime."));
            if (field.isList())
                attributeError(
                    QStringLiteral("Fields that are marked with @updatedAt cannot be lists."));
            field.isUpdatedAt = true;
            finishArguments();
        }
        if (visitSingle(set, KindDefault)) {
            visitDefault(field, false);
            finishArguments();
        }
        if (field.type.is(ResolvedType::Kind::Scalar)) {
            if (const Attribute *native = visitDatasourceScoped(set))
                field.nativeType = nativeType(ref.file, *native);
        }
        if (visitSingle(set, KindUnique)) {
            Index index;
            index.type = Index::Type::Unique;
            index.mappedName = nonEmptyStringArgument("map"_v);
            IndexField indexField = singleFieldOptions(field, fieldIndex);
            index.clustered = clusteredArgument();
            index.fields = singleFieldList(std::move(indexField));
            index.isDefinedOnField = true;
            index.span = span(ref.file, m_attribute->range);
            field.isUnique = true;
            model.indexes.append(std::move(index));
            finishArguments();
        }
        finishAttributes(set);
    }

    // The fields of an `@id` or `@unique`: the same field of many models (`id` first) shares
    // one list.
    QList<IndexField> singleFieldList(IndexField &&field)
    {
        ListKey key;
        key.add(field.name);
        key.add(quintptr(field.field));
        key.add(field.sort ? quintptr(field.sort.value()) + 1 : 0);
        key.add(field.length ? quintptr(quint32(field.length.value())) : 0);
        key.add(field.length.has_value());
        key.add(field.operatorClass);
        key.add(field.operatorClassIsRaw);
        return m_indexFieldLists.get(key, [&] { return QList<IndexField>{std::move(field)}; });
    }

    // `length:` and `sort:` of `@id` and `@unique` (visit_field_unique, id::field).
    IndexField singleFieldOptions(const ModelField &field, int fieldIndex)
    {
        IndexField indexField;
        indexField.name = field.name;
        indexField.field = fieldIndex;
        if (const Expression *length = optionalArgument("length"_v)) {
            if (const auto value = coerceInteger(m_attributeFile, *length))
                indexField.length = int(*value);
        }
        if (const Expression *sort = optionalArgument("sort"_v)) {
            if (const auto value = coerceConstant(m_attributeFile, *sort)) {
                if (*value == "Asc"_v)
                    indexField.sort = SortOrder::Asc;
                else if (*value == "Desc"_v)
                    indexField.sort = SortOrder::Desc;
                else
                    attributeError(QStringLiteral("The `sort` argument can only be `Asc` or `Desc` "
                                                  "you provided: %1.")
                                       .arg(toQString(*value)));
            }
        }
        return indexField;
    }

    // map::scalar_field: two columns with one name.
    void checkMappedFieldName(int modelIndex, int fieldIndex)
    {
        const BlockRef ref = m_modelBlocks[size_t(modelIndex)];
        const Model &model = m_dm.m_models.at(modelIndex);
        const ModelField &field = model.fields.at(fieldIndex);
        const Utf8Key mapped(field.mappedName);
        const auto duplicate = [&] {
            error(ref.file, field.span.range,
                  QStringLiteral("Field \"%1\" is already defined on %2 \"%3\".")
                      .arg(field.name, QLatin1String(model.isView ? "view" : "model"), model.name));
        };
        for (int i = 0; i < fieldIndex; ++i) {
            const ModelField &other = model.fields.at(i);
            if (other.mappedName == field.mappedName && isScalarField(other)) {
                duplicate();
                break;
            }
        }
        const int named = m_modelFields.value(modelIndex, mapped.view());
        if (named < 0 || named == fieldIndex)
            return;
        const ModelField &other = model.fields.at(named);
        if (!isScalarField(other))
            return;
        if (!other.mappedName.isEmpty() && other.mappedName != field.mappedName)
            return;
        duplicate();
    }

    NativeType nativeType(int fileIndex, const Attribute &attribute) const
    {
        NativeType native;
        const View name = text(fileIndex, attribute.name);
        const qsizetype dot = name.indexOf('.');
        native.prefix = intern(name.first(dot));
        native.name = intern(name.sliced(dot + 1));
        if (attribute.arguments) {
            QVarLengthArray<QString, 4> arguments;
            ListKey key;
            bool keyed = true;
            for (const Argument &argument : attribute.arguments->arguments) {
                if (!argument.value)
                    continue;
                // A number, string or name renders as written: one shared copy of `255`, and
                // one shared list of `(255)`.
                const Expression &value = *argument.value;
                if (value.is(Expression::Kind::Function) || value.is(Expression::Kind::Array)) {
                    arguments.append(render(fileIndex, value));
                    keyed = false;
                } else {
                    arguments.append(string(fileIndex, value.range));
                    keyed = keyed && key.add(arguments.back());
                }
            }
            const auto make = [&] {
                QStringList list;
                list.reserve(arguments.size());
                for (const QString &argument : std::as_const(arguments))
                    list.append(argument);
                return list;
            };
            if (!arguments.isEmpty())
                native.arguments = keyed ? m_stringLists.get(key, make) : make();
        }
        native.span = span(fileIndex, attribute.range);
        return native;
    }

    // Fills `value` (default-constructed) in place: a field's default goes straight into its
    // box, not through a temporary that is moved and destroyed.
    void readDefaultValue(int fileIndex, const Expression &expression, DefaultValue &value) const
    {
        value.span = span(fileIndex, expression.range);
        value.valueSpan = value.span;
        switch (expression.kind) {
        case Expression::Kind::String:
            value.kind = DefaultValue::Kind::String;
            value.value = literal(fileIndex, expression);
            break;
        case Expression::Kind::Number:
            value.kind = DefaultValue::Kind::Number;
            value.value = string(fileIndex, expression.range);
            break;
        case Expression::Kind::Boolean:
            value.kind = DefaultValue::Kind::Boolean;
            value.value = string(fileIndex, expression.range);
            break;
        case Expression::Kind::Constant:
            value.kind = DefaultValue::Kind::Constant;
            value.value = string(fileIndex, expression.range);
            break;
        case Expression::Kind::Function:
            value.kind = DefaultValue::Kind::Function;
            value.value = string(fileIndex, expression.name);
            for (const Argument &argument : expression.arguments.arguments) {
                if (!argument.value)
                    continue;
                readDefaultValue(fileIndex, *argument.value, value.arguments.emplace_back());
                if (argument.name)
                    value.arguments.back().name = string(fileIndex, *argument.name);
            }
            break;
        case Expression::Kind::Object: // only reachable inside a function's arguments
            value.kind = DefaultValue::Kind::Constant;
            value.value = render(fileIndex, expression);
            break;
        case Expression::Kind::Array:
            value.kind = DefaultValue::Kind::List;
            for (const Expression &element : expression.elements)
                readDefaultValue(fileIndex, element, value.arguments.emplace_back());
            break;
        }
    }

    // ---- @default (attributes/default.rs) -------------------------------------------------

    void visitDefault(ModelField &field, bool inCompositeType)
    {
        const Expression *value = defaultArgument("value"_v);
        if (!value)
            return;
        const int fileIndex = m_attributeFile;
        QString mappedName;
        if (inCompositeType) {
            if (optionalArgument("map"_v))
                attributeError(
                    QStringLiteral("The `map` argument is not allowed on a composite type field."));
        } else {
            mappedName = nonEmptyStringArgument("map"_v);
        }
        const auto accept = [&] {
            DefaultValue &result = field.defaultValue.emplace();
            readDefaultValue(fileIndex, *value, result);
            result.mappedName = mappedName;
            result.span = span(fileIndex, m_attribute->range);
        };

        const bool isFunction = value->is(Expression::Kind::Function);
        const View function = isFunction ? text(fileIndex, value->name) : View();
        if (isFunction && function == "dbgenerated"_v) {
            if (inCompositeType)
                attributeError(QStringLiteral(
                    "Fields of composite types cannot have `dbgenerated()` as default."));
            else if (checkDbgenerated(*value))
                accept();
            return;
        }

        switch (field.type.kind) {
        case ResolvedType::Kind::CompositeType:
            error(fileIndex, m_attribute->range,
                  QStringLiteral("Error validating field `%1` in composite type `%2`: Defaults on "
                                 "fields of type composite are not supported. Please remove the "
                                 "`@default` attribute.")
                      .arg(field.name, field.type.name));
            return;
        case ResolvedType::Kind::Enum:
            if (checkEnumDefault(*value, field.type.index, field.isList()))
                accept();
            return;
        case ResolvedType::Kind::Unsupported:
            attributeError(
                inCompositeType
                    ? QStringLiteral("Composite field of type `Unsupported` cannot have default "
                                     "values.")
                    : QStringLiteral("Only @default(dbgenerated(\"...\")) can be used "
                                     "for Unsupported types."));
            return;
        case ResolvedType::Kind::Scalar:
            break;
        default:
            return;
        }

        const ScalarType scalar = field.type.scalar;
        if (isFunction) {
            if (checkDefaultFunction(*value, function, scalar, inCompositeType,
                                     !mappedName.isEmpty()))
                accept();
            return;
        }
        if (field.isList()) {
            if (!value->is(Expression::Kind::Array)) {
                attributeError(QStringLiteral("The default value of a list field must be a list."));
                return;
            }
            for (const Expression &element : value->elements) {
                if (!checkScalarLiteral(element, scalar))
                    return;
            }
            accept();
            return;
        }
        if (value->is(Expression::Kind::Array)) {
            attributeError(
                QStringLiteral("The default value of a non-list field cannot be a list."));
            return;
        }
        if (checkScalarLiteral(*value, scalar))
            accept();
    }

    bool checkDbgenerated(const Expression &value)
    {
        const NodeList<Argument> &arguments = value.arguments.arguments;
        const auto bail = [&] {
            attributeError(QStringLiteral("`dbgenerated()` takes a single String argument"));
            return false;
        };
        if (arguments.size() > 1)
            bail();
        if (arguments.empty())
            return true;
        const Expression &first = *arguments.front().value;
        if (!first.is(Expression::Kind::String))
            return bail();
        if (literal(m_attributeFile, first).isEmpty()) {
            attributeError(QStringLiteral(
                "dbgenerated() takes either no argument, or a single nonempty string argument."));
            return false;
        }
        return arguments.size() == 1;
    }

    bool checkEnumValue(const Expression &value, int enumIndex)
    {
        if (!isConstant(value)) {
            attributeError(QStringLiteral("Expected an enum value, but found `%1`.")
                               .arg(render(m_attributeFile, value)));
            return false;
        }
        // Compared as UTF-8 with each value's name: no QString unless it is reported.
        const View name = text(m_attributeFile, value.range);
        const Enum &enumType = m_dm.m_enums.at(enumIndex);
        for (const EnumMember &known : enumType.values) {
            if (QAnyStringView::equal(known.name, QUtf8StringView(name)))
                return true;
        }
        attributeError(QStringLiteral("The defined default value `%1` is not a valid value of the "
                                      "enum specified for the field.")
                           .arg(toQString(name)));
        return false;
    }

    bool checkEnumDefault(const Expression &value, int enumIndex, bool isList)
    {
        if (!isList)
            return checkEnumValue(value, enumIndex);
        if (!value.is(Expression::Kind::Array)) {
            attributeError(QStringLiteral("Expected an enum value, but found `%1`.")
                               .arg(render(m_attributeFile, value)));
            return false;
        }
        for (const Expression &element : value.elements) {
            if (!checkEnumValue(element, enumIndex))
                return false;
        }
        return true;
    }

    bool checkScalarLiteral(const Expression &value, ScalarType scalar)
    {
        switch (scalar) {
        case ScalarType::String:
        case ScalarType::Json:
        case ScalarType::Bytes:
        case ScalarType::DateTime:
            if (value.is(Expression::Kind::String))
                return true;
            break;
        case ScalarType::Int:
        case ScalarType::BigInt:
        case ScalarType::Float:
            if (value.is(Expression::Kind::Number))
                return true;
            break;
        case ScalarType::Decimal:
            if (value.is(Expression::Kind::Number) || value.is(Expression::Kind::String))
                return true;
            break;
        case ScalarType::Boolean:
            if (isConstant(value)) {
                const View text = this->text(m_attributeFile, value.range);
                if (text == "true"_v || text == "false"_v)
                    return true;
                error(m_attributeFile, value.range,
                      QStringLiteral("Error parsing attribute \"@default\": A boolean literal must "
                                     "be `true` or `false`."));
                return false;
            }
            break;
        }
        attributeError(
            QStringLiteral("Expected a %1 value, but found `%2`.")
                .arg(QLatin1String(scalarTypeName(scalar)), render(m_attributeFile, value)));
        return false;
    }

    // The functions Prisma knows in @default(); any other name is accepted here and left to
    // the validator (the connector decides, as in Prisma).
    bool checkDefaultFunction(const Expression &value, View function, ScalarType scalar,
                              bool inCompositeType, bool named)
    {
        const NodeList<Argument> &arguments = value.arguments.arguments;
        // The name is only needed for a message.
        const auto name = [function] { return toQString(function); };
        const auto noArguments = [&] {
            if (arguments.empty())
                return true;
            attributeError(QStringLiteral("The `%1` function does not take any argument. Consider "
                                          "changing this default to `%1()`.")
                               .arg(name()));
            return false;
        };
        const auto numericArgument = [&](const QString &bail, const auto &valid,
                                         const QString &invalid) {
            if (arguments.size() > 1) {
                attributeError(bail);
                return false;
            }
            if (arguments.empty())
                return true;
            const Expression &first = *arguments.front().value;
            if (!first.is(Expression::Kind::Number)) {
                attributeError(bail);
                return false;
            }
            const auto number = parseInteger(text(m_attributeFile, first.range));
            if (!number || !valid(*number)) {
                attributeError(invalid);
                return false;
            }
            return true;
        };
        const bool isString = scalar == ScalarType::String;

        if (!inCompositeType && function == "autoincrement"_v && named) {
            attributeError(QStringLiteral("Naming an autoincrement default value is not allowed."));
            return false;
        }
        if (inCompositeType && (function == "autoincrement"_v || function == "auto"_v)) {
            attributeError(QStringLiteral("The function `%1()` is not supported on composite "
                                          "fields.")
                               .arg(name()));
            return false;
        }
        if (!inCompositeType && function == "autoincrement"_v &&
            (scalar == ScalarType::Int || scalar == ScalarType::BigInt))
            return noArguments();
        if (isString && function == "cuid"_v)
            return numericArgument(
                QStringLiteral("`cuid()` takes a single Int argument."),
                [](qint64 v) { return v == 1 || v == 2; },
                QStringLiteral("`cuid()` takes either no argument, or a single integer argument "
                               "which is either 1 or 2."));
        if (isString && function == "uuid"_v)
            return numericArgument(
                QStringLiteral("`uuid()` takes a single Int argument."),
                [](qint64 v) { return v == 4 || v == 7; },
                QStringLiteral("`uuid()` takes either no argument, or a single integer argument "
                               "which is either 4 or 7."));
        if (isString && function == "nanoid"_v && !inCompositeType)
            return numericArgument(
                QStringLiteral("`nanoid()` takes a single Int argument."),
                [](qint64 v) { return v >= 2 && v <= 255; },
                QStringLiteral("`nanoid()` takes either no argument, or a single integer argument "
                               "between 2 and 255."));
        if (isString && function == "ulid"_v && !inCompositeType)
            return noArguments();
        if (scalar == ScalarType::DateTime && function == "now"_v)
            return noArguments();
        if (!inCompositeType && function == "auto"_v) {
            if (!arguments.empty()) {
                attributeError(QStringLiteral("`auto()` takes no arguments"));
                return false;
            }
            return true;
        }
        static constexpr std::array<const char *, 8> known = {
            "autoincrement", "cuid", "dbgenerated", "nanoid", "now", "uuid", "auto", "ulid"};
        const bool isKnown =
            std::any_of(known.cbegin(), known.cend(), [&](const char *k) { return function == k; });
        if (!isKnown) {
            if (inCompositeType) {
                error(m_attributeFile, value.range,
                      QStringLiteral("Unknown function in @default(): `%1` is not known. You can "
                                     "read about the available functions here: "
                                     "https://pris.ly/d/attribute-functions")
                          .arg(name()));
                return false;
            }
            return true; // the connector decides (validator)
        }
        attributeError(QStringLiteral("The function `%1()` cannot be used on fields of type `%2`.")
                           .arg(name(), QLatin1String(scalarTypeName(scalar))));
        return false;
    }

    // ---- @@id, @@index, @@unique, @@fulltext ----------------------------------------------

    // coerce_field_array_with_args and field_args of types/index_fields.rs.
    bool indexFieldArguments(const Expression &value, QVarLengthArray<IndexFieldArgument, 8> &out)
    {
        const int fileIndex = m_attributeFile;
        bool valid = true;
        const auto take = [&](const Expression &expression) {
            IndexFieldArgument field;
            field.expression = &expression;
            if (isConstant(expression)) {
                field.name = text(fileIndex, expression.range);
            } else if (expression.is(Expression::Kind::Function)) {
                field.name = text(fileIndex, expression.name);
                readIndexFieldOptions(expression.arguments, field);
            } else {
                typeMismatch(fileIndex, expression, "constant literal");
                valid = false;
                return;
            }
            out.append(field);
        };
        forEachElement(value, take);
        return valid;
    }

    void readIndexFieldOptions(const ArgumentList &arguments, IndexFieldArgument &field)
    {
        const int fileIndex = m_attributeFile;
        const auto find = [&](View name) -> const Argument * {
            for (const Argument &argument : arguments.arguments) {
                if (argument.name && argument.value && text(fileIndex, *argument.name) == name)
                    return &argument;
            }
            return nullptr;
        };
        const auto unexpected = [&](const QString &expected, SourceRange range) {
            error(fileIndex, range,
                  QStringLiteral("Unexpected token. Expected one of: %1").arg(expected));
        };
        if (const Argument *sort = find("sort"_v)) {
            if (const auto value = coerceConstant(fileIndex, *sort->value)) {
                if (*value == "Asc"_v)
                    field.sort = SortOrder::Asc;
                else if (*value == "Desc"_v)
                    field.sort = SortOrder::Desc;
                else
                    unexpected(QStringLiteral("Asc, Desc"), sort->range);
            }
        }
        if (const Argument *length = find("length"_v)) {
            if (const auto value = coerceInteger(fileIndex, *length->value); value && *value >= 0)
                field.length = int(*value);
        }
        if (const Argument *ops = find("ops"_v)) {
            const Expression &value = *ops->value;
            if (isConstant(value)) {
                const View name = text(fileIndex, value.range);
                if (isOperatorClass(name))
                    field.operatorClass = toQString(name);
                else
                    unexpected(QStringLiteral("Invalid operator class: %1").arg(toQString(name)),
                               value.range);
            } else if (value.is(Expression::Kind::Function) &&
                       text(fileIndex, value.name) == "raw"_v) {
                const NodeList<Argument> &raw = value.arguments.arguments;
                if (raw.size() != 1 || !raw.front().value)
                    unexpected(QStringLiteral("Wrong number of arguments. Expected: 1, got: %1")
                                   .arg(raw.size()),
                               value.range);
                else if (!raw.front().value->is(Expression::Kind::String))
                    unexpected(QStringLiteral("Invalid parameter type: expected string"),
                               value.range);
                else {
                    field.operatorClass = literal(fileIndex, *raw.front().value);
                    field.operatorClassIsRaw = true;
                }
            } else {
                unexpected(QStringLiteral("operator class"), ops->range);
            }
        }
    }

    // resolve_field_array_with_args: the fields of an index or id, following composite types
    // through dotted paths when `followComposites`.
    bool resolveIndexFields(int modelIndex, const Expression &value, bool followComposites,
                            QList<IndexField> &fields, QList<UnknownField> &unknown,
                            QStringList &relations)
    {
        QVarLengthArray<IndexFieldArgument, 8> arguments;
        if (!indexFieldArguments(value, arguments))
            return false;
        fields.reserve(fields.size() + arguments.size());
        const Model &model = m_dm.m_models.at(modelIndex);
        const BlockRef ref = m_modelBlocks[size_t(modelIndex)];
        QVarLengthArray<QString, 8> seen;
        for (const IndexFieldArgument &argument : std::as_const(arguments)) {
            IndexField field;
            field.name = intern(argument.name);
            field.sort = argument.sort;
            field.length = argument.length;
            field.operatorClass = argument.operatorClass;
            field.operatorClassIsRaw = argument.operatorClassIsRaw;
            QString seenAs = field.name;

            if (containsByte(argument.name, '.')) {
                if (!followComposites) {
                    unknown.append({argument.name, -1});
                    continue;
                }
                const QList<View> parts = splitPath(argument.name);
                const int root = m_modelFields.value(modelIndex, parts.first());
                if (root < 0) {
                    unknown.append({parts.first(), -1});
                    continue;
                }
                if (!isScalarField(model.fields.at(root))) {
                    relations.append(model.fields.at(root).name);
                    continue;
                }
                if (!model.fields.at(root).type.is(ResolvedType::Kind::CompositeType)) {
                    unknown.append({argument.name, -1});
                    continue;
                }
                int type = model.fields.at(root).type.index;
                bool resolved = true;
                for (int i = 1; i < parts.size(); ++i) {
                    const int next = m_compositeFields.value(type, parts.at(i));
                    if (next < 0) {
                        unknown.append({parts.at(i), type});
                        resolved = false;
                        break;
                    }
                    const ModelField &inner = m_dm.m_compositeTypes.at(type).fields.at(next);
                    if (i == parts.size() - 1) {
                        seenAs = inner.name + QStringLiteral(" in type ") +
                                 m_dm.m_compositeTypes.at(type).name;
                    } else if (inner.type.is(ResolvedType::Kind::CompositeType)) {
                        type = inner.type.index;
                    } else {
                        unknown.append({argument.name, -1});
                        resolved = false;
                        break;
                    }
                }
                if (!resolved)
                    continue;
                field.field = root;
            } else {
                const int index = m_modelFields.value(modelIndex, argument.name);
                if (index < 0) {
                    unknown.append({argument.name, -1});
                    continue;
                }
                if (!isScalarField(model.fields.at(index))) {
                    relations.append(model.fields.at(index).name);
                    continue;
                }
                field.field = index;
            }
            if (std::find(seen.cbegin(), seen.cend(), seenAs) != seen.cend()) {
                modelError(ref.file, m_attribute->range, text(ref.file, ref.block->name),
                           QStringLiteral("The unique index definition refers to the field %1 "
                                          "multiple times.")
                               .arg(seenAs));
                return false;
            }
            seen.append(seenAs);
            fields.append(std::move(field));
        }
        return true;
    }

    static QList<View> splitPath(View path)
    {
        QList<View> parts;
        qsizetype start = 0;
        for (qsizetype i = 0; i <= path.size(); ++i) {
            if (i == path.size() || path[i] == '.') {
                parts.append(path.sliced(start, i - start));
                start = i + 1;
            }
        }
        return parts;
    }

    QString unknownFieldName(const UnknownField &unknown) const
    {
        if (unknown.compositeType < 0)
            return toQString(unknown.name);
        return QStringLiteral("%1 in type %2")
            .arg(toQString(unknown.name), m_dm.m_compositeTypes.at(unknown.compositeType).name);
    }

    // Suggestion of the scalar fields behind relation fields named in an index.
    QStringList relationScalarFields(int modelIndex, const QStringList &relations) const
    {
        QStringList fields;
        const Model &model = m_dm.m_models.at(modelIndex);
        for (const QString &name : relations) {
            const ModelField *field = model.field(name);
            if (field && field->relationAttribute)
                fields.append(field->relationAttribute->fields);
        }
        return fields;
    }

    // Prisma's format_fields_in_error_with_leading_word: "field `a`", "fields `a`, `b`".
    static QString fieldsWithLeadingWord(const QStringList &names)
    {
        QStringList quoted;
        for (const QString &name : names)
            quoted.append(QLatin1Char('`') + name + QLatin1Char('`'));
        return (names.size() > 1 ? QStringLiteral("fields ") : QStringLiteral("field ")) +
               quoted.join(QLatin1String(", "));
    }

    void visitCompoundId(int modelIndex)
    {
        const BlockRef ref = m_modelBlocks[size_t(modelIndex)];
        Model &model = m_dm.m_models[modelIndex];
        const View name = text(ref.file, ref.block->name);
        const Expression *value = defaultArgument("fields"_v);
        if (!value)
            return;
        QList<IndexField> fields;
        QList<UnknownField> unknown;
        QStringList relations;
        if (!resolveIndexFields(modelIndex, *value, false, fields, unknown, relations))
            return;
        if (!unknown.isEmpty() || !relations.isEmpty()) {
            if (!unknown.isEmpty()) {
                QStringList names;
                for (const UnknownField &field : std::as_const(unknown))
                    names.append(unknownFieldName(field));
                modelError(ref.file, value->range, name,
                           QStringLiteral("The multi field id declaration refers to the unknown "
                                          "%1.")
                               .arg(fieldsWithLeadingWord(names)));
            }
            if (!relations.isEmpty())
                modelError(ref.file, m_attribute->range, name,
                           QStringLiteral("The id definition refers to the relation %1. ID "
                                          "definitions must reference only scalar fields.")
                               .arg(fieldsWithLeadingWord(relations)));
            return;
        }
        QStringList optional;
        for (const IndexField &field : std::as_const(fields)) {
            if (field.field >= 0 && !model.fields.at(field.field).isRequired())
                optional.append(model.fields.at(field.field).name);
        }
        if (!optional.isEmpty() && !model.isIgnored)
            modelError(ref.file, m_attribute->range, name,
                       QStringLiteral("The id definition refers to the optional %1. ID "
                                      "definitions must reference only required fields.")
                           .arg(fieldsWithLeadingWord(optional)));
        if (model.primaryKey)
            modelError(ref.file, ref.block->range, name,
                       QStringLiteral("Each model must have at most one id criteria. You can't "
                                      "have `@id` and `@@id` at the same time."));
        PrimaryKey key;
        key.mappedName = nonEmptyStringArgument("map"_v);
        key.name = nonEmptyStringArgument("name"_v);
        if (!key.name.isEmpty())
            validateClientName(modelIndex, key.name, "@@id");
        key.clustered = clusteredArgument();
        key.fields = std::move(fields);
        key.span = span(ref.file, m_attribute->range);
        model.primaryKey = std::move(key);
    }

    void validateClientName(int modelIndex, const QString &name, const char *attribute)
    {
        const bool valid = std::all_of(name.cbegin(), name.cend(), [](QChar c) {
            return c == QLatin1Char('_') || (c.unicode() < 128 && c.isLetterOrNumber());
        });
        if (valid)
            return;
        const BlockRef ref = m_modelBlocks[size_t(modelIndex)];
        modelError(ref.file, m_attribute->range, text(ref.file, ref.block->name),
                   QStringLiteral("The `name` property within the `%1` attribute only allows for "
                                  "the following characters: `_a-zA-Z0-9`.")
                       .arg(QLatin1String(attribute)));
    }

    void visitIndex(int modelIndex, Index::Type type)
    {
        const BlockRef ref = m_modelBlocks[size_t(modelIndex)];
        Model &model = m_dm.m_models[modelIndex];
        const View modelName = text(ref.file, ref.block->name);
        Index index;
        index.type = type;
        index.span = span(ref.file, m_attribute->range);

        // common_index_validations
        if (const Expression *value = defaultArgument("fields"_v)) {
            QList<UnknownField> unknown;
            QStringList relations;
            const QLatin1String prefix(type == Index::Type::Unique ? "unique " : "");
            if (resolveIndexFields(modelIndex, *value, true, index.fields, unknown, relations)) {
                if (!unknown.isEmpty()) {
                    QStringList names;
                    for (const UnknownField &field : std::as_const(unknown))
                        names.append(unknownFieldName(field));
                    modelError(ref.file, m_attribute->range, modelName,
                               QStringLiteral("The %1index definition refers to the unknown "
                                              "fields: %2.")
                                   .arg(prefix, names.join(QLatin1String(", "))));
                }
                if (!relations.isEmpty()) {
                    const QStringList suggested = relationScalarFields(modelIndex, relations);
                    QString suggestion;
                    if (!suggested.isEmpty())
                        suggestion = QStringLiteral(" Did you mean `@@%1([%2])`?")
                                         .arg(QLatin1String(type == Index::Type::Unique ? "unique"
                                                                                        : "index"),
                                              suggested.join(QLatin1String(", ")));
                    modelError(ref.file, m_attribute->range, modelName,
                               QStringLiteral("The %1index definition refers to the relation "
                                              "fields %2. Index definitions must reference only "
                                              "scalar fields.%3")
                                   .arg(prefix, relations.join(QLatin1String(", ")), suggestion));
                }
                if (!unknown.isEmpty() || !relations.isEmpty())
                    index.fields.clear();
            } else {
                index.fields.clear();
            }
        }

        if (type == Index::Type::Normal) {
            const QString name = nonEmptyStringArgument("name"_v);
            const QString mapped = nonEmptyStringArgument("map"_v);
            if (!name.isEmpty() && !mapped.isEmpty())
                attributeError(QStringLiteral(
                    "The `@@index` attribute accepts the `name` argument as an alias for the "
                    "`map` argument for legacy reasons. It does not accept both though. Please "
                    "use the `map` argument to specify the database name of the index."));
            else
                index.mappedName = name.isEmpty() ? mapped : name;
            if (const Expression *algorithm = optionalArgument("type"_v)) {
                if (const auto value = coerceConstant(m_attributeFile, *algorithm)) {
                    bool known = false;
                    for (int i = 0; i <= int(IndexAlgorithm::Brin); ++i) {
                        if (*value == indexAlgorithmName(IndexAlgorithm(i))) {
                            index.algorithm = IndexAlgorithm(i);
                            known = true;
                        }
                    }
                    if (!known)
                        attributeError(
                            QStringLiteral("Unknown index type: %1.").arg(toQString(*value)));
                }
            }
            index.clustered = clusteredArgument();
            whereArgument(modelIndex, index);
        } else if (type == Index::Type::Unique) {
            index.name = nonEmptyStringArgument("name"_v);
            index.mappedName = nonEmptyStringArgument("map"_v);
            if (!index.name.isEmpty())
                validateClientName(modelIndex, index.name, "@@unique");
            index.clustered = clusteredArgument();
            whereArgument(modelIndex, index);
        } else {
            index.mappedName = nonEmptyStringArgument("map"_v);
        }
        model.indexes.append(std::move(index));
    }

    // ---- partial indexes: `where:` of @@index and @@unique ----------------------------------

    // Prisma 7 (preview feature `partialIndexes`): `where: raw("...")` or an object of
    // `field: value` / `field: { not: value }`. The first problem is reported, as Prisma does;
    // whether the feature is on and the connector has it is the validator's (Pipeline).
    void whereArgument(int modelIndex, Index &index)
    {
        const Expression *value = optionalArgument("where"_v);
        if (!value)
            return;
        const int fileIndex = m_attributeFile;
        const QString either = QStringLiteral(
            "The `where` argument must be either a raw() function call or an object literal, "
            "e.g. `where: raw(\"status = 'active'\")` or `where: { active: true }`.");
        IndexWhere where;
        where.span = span(fileIndex, value->range);
        if (value->is(Expression::Kind::Function)) {
            if (text(fileIndex, value->name) != "raw"_v) {
                attributeError(either);
                return;
            }
            const NodeList<Argument> &arguments = value->arguments.arguments;
            if (arguments.size() == 1 && arguments.front().value) {
                if (const auto sql = coerceString(fileIndex, *arguments.front().value)) {
                    if (sql->isEmpty()) {
                        attributeError(
                            QStringLiteral("The `where` argument cannot contain an empty string."));
                        return;
                    }
                    where.kind = IndexWhere::Kind::Raw;
                    where.raw = *sql;
                    index.where = std::move(where);
                    return;
                }
            }
            attributeError(QStringLiteral("The `where` argument must be a raw() function with a "
                                          "string argument, e.g. `where: raw(\"status = "
                                          "'active'\")`."));
            return;
        }
        if (!value->is(Expression::Kind::Object)) {
            typeMismatch(fileIndex, *value, "function");
            attributeError(either);
            return;
        }
        const NodeList<ObjectMember> members = value->members();
        if (members.empty()) {
            attributeError(QStringLiteral("The `where` argument cannot be an empty object."));
            return;
        }
        const Model &model = m_dm.m_models.at(modelIndex);
        where.conditions.reserve(qsizetype(members.size()));
        for (const ObjectMember &member : members) {
            if (!member.name || !member.value)
                return; // the parser reported it
            const View key = text(fileIndex, *member.name);
            const int fieldIndex = m_modelFields.value(modelIndex, key);
            if (fieldIndex < 0) {
                attributeError(QStringLiteral("Field '%1' does not exist in model '%2'.")
                                   .arg(toQString(key), model.name));
                return;
            }
            const ModelField &field = model.fields.at(fieldIndex);
            if (field.isRelation()) {
                attributeError(QStringLiteral("Field '%1' is a relation field. Only scalar fields "
                                              "can be used in the where clause.")
                                   .arg(field.name));
                return;
            }
            if (field.isUnsupported()) {
                attributeError(QStringLiteral("Field '%1' is an unsupported type and cannot be "
                                              "used in the object syntax of a where clause. Use "
                                              "raw() instead.")
                                   .arg(field.name));
                return;
            }
            IndexWhere::Condition condition;
            condition.field = field.name;
            condition.fieldIndex = fieldIndex;
            const Expression *conditionValue = &*member.value;
            if (conditionValue->is(Expression::Kind::Object)) {
                const NodeList<ObjectMember> nested = conditionValue->members();
                if (nested.size() != 1 || !nested.front().name || !nested.front().value) {
                    attributeError(QStringLiteral("Nested object in where clause must have exactly "
                                                  "one key. Use `{ not: null }` or `{ not: "
                                                  "\"value\" }`."));
                    return;
                }
                const View operation = text(fileIndex, *nested.front().name);
                if (operation != "not"_v) {
                    attributeError(QStringLiteral("Unknown key '%1' in nested where clause object. "
                                                  "Only 'not' is supported.")
                                       .arg(toQString(operation)));
                    return;
                }
                condition.negated = true;
                conditionValue = &*nested.front().value;
            }
            if (!whereValue(field, *conditionValue, condition))
                return;
            where.conditions.append(std::move(condition));
        }
        where.kind = IndexWhere::Kind::Object;
        index.where = std::move(where);
    }

    // The value of one condition: true, false, null, a string or a number that fits the field.
    bool whereValue(const ModelField &field, const Expression &value,
                    IndexWhere::Condition &condition)
    {
        using Value = IndexWhere::Condition::Value;
        const int fileIndex = m_attributeFile;
        const QString expected = QStringLiteral("Expected true, false, null, a string, a number, "
                                                "or an object like { not: null }.");
        switch (value.kind) {
        case Expression::Kind::Boolean:
            condition.valueKind = Value::Boolean;
            condition.value = string(fileIndex, value.range);
            break;
        case Expression::Kind::Constant:
            if (text(fileIndex, value.range) != "null"_v) {
                attributeError(QStringLiteral("Invalid value '%1' in where clause. %2")
                                   .arg(toQString(text(fileIndex, value.range)), expected));
                return false;
            }
            condition.valueKind = Value::Null;
            return true; // null fits every field
        case Expression::Kind::String:
            condition.valueKind = Value::String;
            condition.value = literal(fileIndex, value);
            break;
        case Expression::Kind::Number:
            condition.valueKind = Value::Number;
            condition.value = string(fileIndex, value.range);
            break;
        default:
            attributeError(QStringLiteral("Invalid value in where clause. ") + expected);
            return false;
        }
        if (field.type.is(ResolvedType::Kind::Enum)) {
            if (condition.valueKind == Value::String)
                return true;
            attributeError(QStringLiteral("Type mismatch: field '%1' is an Enum and only accepts "
                                          "String values in the where clause.")
                               .arg(field.name));
            return false;
        }
        if (!field.type.is(ResolvedType::Kind::Scalar))
            return true;
        bool fits = false;
        switch (field.type.scalar) {
        case ScalarType::String:
        case ScalarType::DateTime:
            fits = condition.valueKind == Value::String;
            break;
        case ScalarType::Boolean:
            fits = condition.valueKind == Value::Boolean;
            break;
        case ScalarType::Int:
        case ScalarType::BigInt:
        case ScalarType::Float:
        case ScalarType::Decimal:
            fits = condition.valueKind == Value::Number;
            break;
        case ScalarType::Json:
        case ScalarType::Bytes:
            fits = false; // only null (Prisma rejects strings, numbers and booleans)
            break;
        }
        if (fits)
            return true;
        const char *given = condition.valueKind == Value::String   ? "a String"
                            : condition.valueKind == Value::Number ? "a Number"
                                                                   : "Boolean";
        attributeError(
            QStringLiteral("Type mismatch: field '%1' is of type %2, but the value is %3.")
                .arg(field.name, QLatin1String(scalarTypeName(field.type.scalar)),
                     QLatin1String(given)));
        return false;
    }

    // ---- enums and composite types --------------------------------------------------------

    void resolveEnumAttributes(int enumIndex)
    {
        const BlockRef ref = m_enumBlocks[size_t(enumIndex)];
        Enum &enumType = m_dm.m_enums[enumIndex];
        for (int i = 0; i < int(ref.block->values.size()); ++i) {
            AttributeSet set = attributeSet(ref.file, ref.block->values[size_t(i)].attributes);
            if (visitSingle(set, KindMap)) {
                if (const auto mapped = mapArgument())
                    enumType.values[i].mappedName = *mapped;
                finishArguments();
            }
            finishAttributes(set);
        }
        AttributeSet set = attributeSet(ref.file, ref.block->attributes);
        if (visitSingle(set, KindMap)) {
            if (const auto mapped = mapArgument())
                enumType.mappedName = *mapped;
            finishArguments();
        }
        if (visitSingle(set, KindSchema)) {
            enumType.schema = schemaArgument();
            finishArguments();
        }
        finishAttributes(set);
    }

    void resolveCompositeAttributes(int typeIndex)
    {
        const BlockRef ref = m_compositeBlocks[size_t(typeIndex)];
        CompositeType &type = m_dm.m_compositeTypes[typeIndex];
        for (int i = 0; i < type.fields.size(); ++i) {
            ModelField &field = type.fields[i];
            if (!isScalarField(field))
                continue;
            const prisma::Field &ast = ref.block->fields[size_t(field.astIndex)];
            AttributeSet set = attributeSet(ref.file, ast.attributes);
            if (field.type.is(ResolvedType::Kind::Scalar)) {
                if (const Attribute *native = visitDatasourceScoped(set))
                    field.nativeType = nativeType(ref.file, *native);
            }
            if (visitSingle(set, KindMap)) {
                if (const auto mapped = mapArgument()) {
                    field.mappedName = *mapped;
                    checkMappedCompositeFieldName(typeIndex, i);
                }
                finishArguments();
            }
            if (visitSingle(set, KindDefault)) {
                visitDefault(field, true);
                finishArguments();
            }
            finishAttributes(set);
        }
    }

    void checkMappedCompositeFieldName(int typeIndex, int fieldIndex)
    {
        const BlockRef ref = m_compositeBlocks[size_t(typeIndex)];
        const CompositeType &type = m_dm.m_compositeTypes.at(typeIndex);
        const ModelField &field = type.fields.at(fieldIndex);
        for (int i = 0; i < fieldIndex; ++i) {
            if (type.fields.at(i).mappedName == field.mappedName) {
                error(ref.file, field.span.range,
                      QStringLiteral("Field \"%1\" is already defined on composite type \"%2\".")
                          .arg(field.mappedName, type.name));
                break;
            }
        }
        const Utf8Key mapped(field.mappedName);
        const int named = m_compositeFields.value(typeIndex, mapped.view());
        if (named < 0 || named == fieldIndex || !type.fields.at(named).mappedName.isEmpty())
            return;
        error(ref.file, field.span.range,
              QStringLiteral("Field \"%1\" is already defined on composite type \"%2\".")
                  .arg(field.name, type.name));
    }

    // ---- pass 4: relations (relations.rs) -------------------------------------------------

    void inferRelations()
    {
        // Relation fields per referencing model, to find the opposite side.
        std::vector<QVarLengthArray<int, 4>> relationFields(std::size_t(m_dm.m_models.size()));
        for (const auto &[model, field] : std::as_const(m_dm.m_relationFields))
            relationFields[size_t(model)].append(field);
        m_dm.m_relations.reserve(m_dm.m_relationFields.size());
        for (int m = 0; m < m_dm.m_models.size(); ++m) {
            const QList<ModelField> &fields = m_dm.m_models.at(m).fields;
            for (const int i : relationFields[size_t(m)])
                ingestRelation(m, i, relationFields[size_t(fields.at(i).type.index)]);
        }
    }

    static QString relationNameOf(const ModelField &field)
    {
        return field.relationAttribute ? field.relationAttribute->name : QString();
    }

    bool fieldsAreUnique(const Model &model, const QStringList &fields) const
    {
        for (const Index &index : model.indexes) {
            if (!index.isUnique() || index.fields.size() != fields.size())
                continue;
            bool same = true;
            for (int i = 0; i < fields.size() && same; ++i)
                same = index.fields.at(i).name == fields.at(i);
            if (same)
                return true;
        }
        return false;
    }

    void ingestRelation(int modelIndex, int fieldIndex, const QVarLengthArray<int, 4> &candidates)
    {
        const Model &model = m_dm.m_models.at(modelIndex);
        const ModelField &field = model.fields.at(fieldIndex);
        const int referenced = field.type.index;
        const Model &opposite = m_dm.m_models.at(referenced);
        const bool isSelf = referenced == modelIndex;
        const QString name = relationNameOf(field);

        int oppositeIndex = -1;
        for (const int candidate : candidates) {
            const ModelField &other = opposite.fields.at(candidate);
            if (other.type.index != modelIndex || (isSelf && candidate == fieldIndex))
                continue;
            if (relationNameOf(other) == name) {
                oppositeIndex = candidate;
                break;
            }
        }
        const ModelField *other = oppositeIndex >= 0 ? &opposite.fields.at(oppositeIndex) : nullptr;
        const bool hasFields = field.relationAttribute && field.relationAttribute->hasFields;
        const bool otherHasFields =
            other && other->relationAttribute && other->relationAttribute->hasFields;
        const auto before = [&] { // [model, field] > [opposite model, opposite field]
            if (model.name != opposite.name)
                return model.name > opposite.name;
            return field.name > other->name;
        };

        Relation relation;
        relation.a = {modelIndex, fieldIndex};
        relation.b = {referenced, oppositeIndex};
        if (field.isList() && other && other->isList()) {
            if (model.name > opposite.name || (isSelf && field.name > other->name))
                return;
            // Either side listing `fields` is MongoDB's two-way embedded many-to-many.
            relation.kind = hasFields || otherHasFields ? Relation::Kind::EmbeddedManyToMany
                                                        : Relation::Kind::ImplicitManyToMany;
        } else if (field.isRequired() && other && other->isOptional()) {
            relation.kind = Relation::Kind::OneToOne;
        } else if (field.isRequired() && other && other->isRequired()) {
            if (before())
                return;
            relation.kind = Relation::Kind::OneToOne;
        } else if (field.isOptional() && other && other->isRequired()) {
            return;
        } else if (field.isOptional() && other && other->isOptional()) {
            if (!hasFields) {
                if (otherHasFields || before())
                    return;
            }
            relation.kind = Relation::Kind::OneToOne;
        } else if (field.isList() && other) {
            return;
        } else if (field.isList()) {
            relation.kind = Relation::Kind::OneToMany;
            relation.a = {referenced, -1};
            relation.b = {modelIndex, fieldIndex};
        } else if (other) {
            relation.kind = Relation::Kind::OneToMany;
        } else {
            relation.kind = hasFields && fieldsAreUnique(model, field.relationAttribute->fields)
                                ? Relation::Kind::OneToOne
                                : Relation::Kind::OneToMany;
        }

        relation.hasExplicitName = !name.isEmpty();
        if (relation.hasExplicitName) {
            relation.name = name;
        } else {
            const QString &first = m_dm.m_models.at(relation.a.model).name;
            const QString &second = m_dm.m_models.at(relation.b.model).name;
            // One allocation (a + "To" + b makes three).
            const bool inOrder = first < second;
            relation.name.reserve(first.size() + 2 + second.size());
            relation.name.append(inOrder ? first : second)
                .append(QLatin1String("To"))
                .append(inOrder ? second : first);
        }
        const int id = int(m_dm.m_relations.size());
        m_dm.m_relations.append(relation);
        for (const Relation::Side &side : {relation.a, relation.b}) {
            if (side.field >= 0)
                m_dm.m_models[side.model].fields[side.field].relation = id;
        }
    }

    // ---- datasource and generators (psl-core's configuration loaders) ---------------------

    QStringList stringList(int fileIndex, const Expression &value) const
    {
        QStringList values;
        forEachElement(
            value, [&](const Expression &element) { values.append(literal(fileIndex, element)); });
        return values;
    }

    void loadConfiguration()
    {
        for (const BlockRef &ref : m_configBlocks) {
            if (ref.block->is(Block::Kind::Datasource))
                loadDatasource(ref.file, *ref.block);
            else
                loadGenerator(ref.file, *ref.block);
        }
    }

    void loadDatasource(int fileIndex, const Block &block)
    {
        Datasource source;
        source.name = string(fileIndex, block.name);
        source.span = span(fileIndex, block.range);
        for (const ConfigProperty &property : block.properties) {
            const View name = text(fileIndex, property.name);
            if (name == "url"_v || name == "directUrl"_v || name == "shadowDatabaseUrl"_v) {
                DatasourceUrl &url = name == "url"_v         ? source.url
                                     : name == "directUrl"_v ? source.directUrl
                                                             : source.shadowDatabaseUrl;
                url = datasourceUrl(file(fileIndex), block, name);
            }
            if (!property.value)
                continue;
            const Expression &value = *property.value;
            if (name == "provider"_v)
                source.provider = literal(fileIndex, value);
            else if (name == "relationMode"_v || name == "referentialIntegrity"_v)
                source.relationMode = literal(fileIndex, value);
            else if (name == "schemas"_v)
                source.schemas = stringList(fileIndex, value);
            else if (name == "extensions"_v && value.is(Expression::Kind::Array)) {
                for (const Expression &element : value.elements)
                    source.extensions.append(extension(fileIndex, element));
            }
        }
        m_dm.m_datasources.append(std::move(source));
    }

    DatasourceExtension extension(int fileIndex, const Expression &value) const
    {
        DatasourceExtension extension;
        if (value.is(Expression::Kind::Function)) {
            extension.name = string(fileIndex, value.name);
            for (const Argument &argument : value.arguments.arguments) {
                if (!argument.name || !argument.value)
                    continue;
                const View name = text(fileIndex, *argument.name);
                const QString text = literal(fileIndex, *argument.value);
                if (name == "map"_v)
                    extension.mappedName = text;
                else if (name == "schema"_v)
                    extension.schema = text;
                else if (name == "version"_v)
                    extension.version = text;
            }
        } else {
            extension.name = string(fileIndex, value.range);
        }
        return extension;
    }

    void loadGenerator(int fileIndex, const Block &block)
    {
        Generator generator;
        generator.name = string(fileIndex, block.name);
        generator.span = span(fileIndex, block.range);
        for (const ConfigProperty &property : block.properties) {
            if (!property.value)
                continue;
            const View name = text(fileIndex, property.name);
            const Expression &value = *property.value;
            const QString rendered = value.is(Expression::Kind::String) ? literal(fileIndex, value)
                                                                        : render(fileIndex, value);
            if (name == "provider"_v)
                generator.provider = rendered;
            else if (name == "output"_v)
                generator.output = rendered;
            else if (name == "previewFeatures"_v)
                generator.previewFeatures = stringList(fileIndex, value);
            generator.properties.append({toQString(name), rendered});
        }
        m_dm.m_generators.append(std::move(generator));
    }

    const std::vector<ParsedFile> &m_files;
    QList<Diagnostic> *m_out;
    DataModel m_dm;
    int m_errorCount = 0;

    std::vector<View> m_contents; // each file's text
    std::vector<BlockRef> m_modelBlocks;
    std::vector<BlockRef> m_enumBlocks;
    std::vector<BlockRef> m_compositeBlocks;
    std::vector<BlockRef> m_configBlocks;
    // Fields (indexes into their block's list) whose types name a model, enum or composite
    // type, block by block; each model's and composite type's range of them.
    std::vector<int> m_namedTypeFields;
    std::vector<TypeFields> m_modelTypeFields, m_compositeTypeFields;
    QHash<Name, TopRef> m_tops;
    // Pass 1's state: blocks named so far, by kind, and the namespaces of names.
    int m_namedModels = 0, m_namedEnums = 0, m_namedComposites = 0;
    QHash<Name, const Block *> m_datasourceNames, m_generatorNames;
    QHash<Name, std::pair<int, const Block *>> m_topBlocks;
    FieldNameIndex m_modelFields;     // (model, field name) -> index in Model::fields
    FieldNameIndex m_compositeFields; // (composite type, field name) -> index

    mutable StringTable m_strings; // see intern()
    // Shared copies of short lists that repeat across models (see ListKey).
    mutable ListTable<QString> m_stringLists;
    ListTable<IndexField> m_indexFieldLists;
    const Attribute *m_attribute = nullptr; // the attribute whose arguments are being read
    int m_attributeFile = 0;
    std::vector<ArgumentSlot> m_arguments; // cleared, never shrunk
};

DataModel DataModelBuilder::build(const SchemaSource &schema, QList<Diagnostic> *diagnostics)
{
    return Impl(schema, diagnostics).run();
}

} // namespace gh::prisma
