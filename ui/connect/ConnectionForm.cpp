#include "ui/connect/ConnectionForm.h"

#include "core/url/UrlRedaction.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <utility>

namespace gh::ui {

namespace {

// What redactDatabaseUrl puts where a password was.
const QString kRedactedPassword = QStringLiteral("****");

QLineEdit *lineEdit(const QString &name, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    return label;
}

} // namespace

ConnectionForm::ConnectionForm(QWidget *parent)
    : QWidget(parent)
{
    m_url = lineEdit(QStringLiteral("url"),
                     tr("Paste a DATABASE_URL: postgresql://user:password@host:5432/db or "
                        "file:./dev.db"),
                     this);
    m_urlProblem = new QLabel(this);
    m_urlProblem->setObjectName(QStringLiteral("urlProblem"));
    m_urlProblem->setWordWrap(true);
    m_urlProblem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_urlProblem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_urlProblem->hide();

    m_provider = new QComboBox(this);
    m_provider->setObjectName(QStringLiteral("provider"));
    m_provider->addItem(tr("PostgreSQL"));
    m_provider->addItem(tr("SQLite"));

    // PostgreSQL
    m_host = lineEdit(QStringLiteral("host"), QStringLiteral("localhost"), this);
    m_port = lineEdit(QStringLiteral("port"), QStringLiteral("5432"), this);
    m_port->setValidator(new QIntValidator(1, 65535, m_port));
    m_port->setMaximumWidth(90);
    m_database = lineEdit(QStringLiteral("database"), QStringLiteral("postgres"), this);
    m_schema = lineEdit(QStringLiteral("schema"), QStringLiteral("public"), this);
    m_user = lineEdit(QStringLiteral("user"), QString(), this);
    m_password = lineEdit(QStringLiteral("password"), QString(), this);
    m_password->setEchoMode(QLineEdit::Password);
    m_sslMode = new QComboBox(this);
    m_sslMode->setObjectName(QStringLiteral("sslMode"));
    m_sslMode->addItem(tr("Default (prefer)"), QString());
    for (const char *mode : {"disable", "prefer", "require", "verify-ca", "verify-full"})
        m_sslMode->addItem(QString::fromLatin1(mode), QString::fromLatin1(mode));
    m_sslRootCert = lineEdit(QStringLiteral("sslRootCert"), tr("CA certificate (sslcert)"), this);
    m_sslClientCert =
        lineEdit(QStringLiteral("sslClientCert"), tr("Client certificate, PEM"), this);
    m_sslClientKey = lineEdit(QStringLiteral("sslClientKey"), tr("Client key, PEM"), this);
    m_sslIdentity =
        lineEdit(QStringLiteral("sslIdentity"), tr("Or a PKCS#12 identity (sslidentity)"), this);
    m_sslIdentityPassword =
        lineEdit(QStringLiteral("sslIdentityPassword"), tr("Its password (sslpassword)"), this);
    m_sslIdentityPassword->setEchoMode(QLineEdit::Password);

    auto *postgres = new QWidget(this);
    auto *server = new QFormLayout;
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    hostRow->addWidget(buddyLabel(tr("P&ort"), m_port));
    hostRow->addWidget(m_port);
    server->addRow(buddyLabel(tr("&Host"), m_host), hostRow);
    auto *databaseRow = new QHBoxLayout;
    databaseRow->addWidget(m_database, 1);
    databaseRow->addWidget(buddyLabel(tr("Schem&a"), m_schema));
    databaseRow->addWidget(m_schema, 1);
    server->addRow(buddyLabel(tr("&Database"), m_database), databaseRow);
    server->addRow(tr("&User"), m_user);
    server->addRow(tr("Pass&word"), m_password);
    auto *ssl = new QGroupBox(tr("SSL"), postgres);
    auto *sslForm = new QFormLayout(ssl);
    sslForm->addRow(tr("&Mode"), m_sslMode);
    sslForm->addRow(tr("CA certificate"),
                    pathRow(m_sslRootCert, tr("CA certificate"), tr("Certificates (*.pem *.crt)")));
    sslForm->addRow(tr("Client certificate"), pathRow(m_sslClientCert, tr("Client certificate"),
                                                      tr("Certificates (*.pem *.crt)")));
    sslForm->addRow(tr("Client key"),
                    pathRow(m_sslClientKey, tr("Client key"), tr("Keys (*.key *.pem)")));
    sslForm->addRow(tr("Client identity"),
                    pathRow(m_sslIdentity, tr("Client identity"),
                            tr("PKCS#12 identities (*.p12 *.pfx);;All files (*)")));
    sslForm->addRow(tr("Identity password"), m_sslIdentityPassword);
    auto *postgresLayout = new QVBoxLayout(postgres);
    postgresLayout->setContentsMargins(0, 0, 0, 0);
    postgresLayout->addLayout(server);
    postgresLayout->addWidget(ssl);

    // SQLite
    m_sqliteFile = lineEdit(QStringLiteral("sqliteFile"), QStringLiteral("./dev.db"), this);
    auto *sqlite = new QWidget(this);
    auto *sqliteForm = new QFormLayout(sqlite);
    sqliteForm->setContentsMargins(0, 0, 0, 0);
    sqliteForm->addRow(tr("&File"), pathRow(m_sqliteFile, tr("SQLite database"),
                                            tr("SQLite databases (*.db *.sqlite *.sqlite3);;"
                                               "All files (*)")));
    auto *sqliteNote = new QLabel(
        tr("A relative path is relative to the folder of the schema, as with Prisma."), sqlite);
    sqliteNote->setWordWrap(true);
    sqliteNote->setEnabled(false);
    sqliteForm->addRow(QString(), sqliteNote);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(postgres);
    m_pages->addWidget(sqlite);

    auto *layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(tr("U&RL"), m_url);
    layout->addRow(QString(), m_urlProblem);
    layout->addRow(tr("Data&base type"), m_provider);
    layout->addRow(m_pages);

    connect(m_url, &QLineEdit::textEdited, this, &ConnectionForm::onUrlEdited);
    connect(m_provider, QOverload<int>::of(&QComboBox::activated), this,
            &ConnectionForm::onFieldEdited);
    connect(m_sslMode, QOverload<int>::of(&QComboBox::activated), this,
            &ConnectionForm::onFieldEdited);
    for (QLineEdit *edit :
         {m_host, m_port, m_database, m_schema, m_user, m_password, m_sslRootCert, m_sslClientCert,
          m_sslClientKey, m_sslIdentity, m_sslIdentityPassword, m_sqliteFile})
        connect(edit, &QLineEdit::textEdited, this, &ConnectionForm::onFieldEdited);

    clear();
}

QWidget *ConnectionForm::pathRow(QLineEdit *edit, const QString &caption, const QString &filter)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto *browse = new QToolButton(row);
    browse->setObjectName(edit->objectName() + QStringLiteral("Browse"));
    browse->setText(QStringLiteral("…"));
    browse->setToolTip(tr("Choose a file"));
    layout->addWidget(browse);
    connect(browse, &QToolButton::clicked, this, [this, edit, caption, filter] {
        const QString file = QFileDialog::getOpenFileName(this, caption, edit->text(), filter);
        if (file.isEmpty())
            return;
        edit->setText(file);
        onFieldEdited();
    });
    return row;
}

QString ConnectionForm::displayedUrl() const
{
    return m_url->text();
}

void ConnectionForm::setUrl(const QString &url)
{
    m_url->setText(url);
    onUrlEdited(url);
    m_url->setCursorPosition(0);
}

void ConnectionForm::setParameters(const ConnectionParameters &parameters)
{
    m_parameters = parameters;
    showParameters();
    m_url->setText(m_parameters.toDisplayUrl());
    m_url->setCursorPosition(0);
    showProblem(QString());
}

void ConnectionForm::clear()
{
    ConnectionParameters empty;
    empty.host = QStringLiteral("localhost");
    setParameters(empty);
    m_url->clear();
}

void ConnectionForm::onUrlEdited(const QString &text)
{
    if (m_updating)
        return;
    if (text.trimmed().isEmpty()) {
        showProblem(QString());
        return;
    }
    auto parsed = ConnectionParameters::fromUrl(text);
    if (!parsed) {
        showProblem(parsed.error().message());
        return;
    }
    // The URL line shows each hidden password as the redaction mark: keep what it hides.
    bool pasted = false;
    const std::pair<QString *, const QString *> secrets[] = {
        {&parsed->password, &m_parameters.password},
        {&parsed->sslIdentityPassword, &m_parameters.sslIdentityPassword}};
    for (const auto &[shown, hidden] : secrets) {
        if (*shown == kRedactedPassword)
            *shown = *hidden;
        else if (!shown->isEmpty())
            pasted = true;
    }
    if (pasted) {
        // A pasted password goes to its field and out of sight at once.
        const int fromEnd = int(text.size()) - m_url->cursorPosition();
        const QString hidden = redactDatabaseUrl(text);
        m_url->setText(hidden);
        m_url->setCursorPosition(std::max(0, int(hidden.size()) - fromEnd));
    }
    m_parameters = *parsed;
    showParameters();
    showProblem(QString());
    emit changed();
}

void ConnectionForm::onFieldEdited()
{
    if (m_updating)
        return;
    m_parameters.provider = m_provider->currentIndex() == 1 ? DatabaseUrl::Provider::SQLite
                                                            : DatabaseUrl::Provider::PostgreSQL;
    m_pages->setCurrentIndex(m_provider->currentIndex());
    m_parameters.host = m_host->text().trimmed();
    m_parameters.port = m_port->text().toInt();
    m_parameters.database = m_database->text();
    m_parameters.schema = m_schema->text();
    m_parameters.user = m_user->text();
    m_parameters.password = m_password->text();
    m_parameters.sslMode = m_sslMode->currentData().toString();
    m_parameters.sslRootCert = m_sslRootCert->text().trimmed();
    m_parameters.sslClientCert = m_sslClientCert->text().trimmed();
    m_parameters.sslClientKey = m_sslClientKey->text().trimmed();
    m_parameters.sslIdentity = m_sslIdentity->text().trimmed();
    m_parameters.sslIdentityPassword = m_sslIdentityPassword->text();
    m_parameters.sqliteFile = m_sqliteFile->text().trimmed();
    m_url->setText(m_parameters.toDisplayUrl());
    m_url->setCursorPosition(0);
    const auto check = DatabaseUrl::parse(m_parameters.toUrl());
    showProblem(check ? QString() : check.error().message());
    emit changed();
}

void ConnectionForm::showParameters()
{
    m_updating = true;
    const bool sqlite = m_parameters.provider == DatabaseUrl::Provider::SQLite;
    m_provider->setCurrentIndex(sqlite ? 1 : 0);
    m_pages->setCurrentIndex(sqlite ? 1 : 0);
    m_host->setText(m_parameters.host);
    m_port->setText(m_parameters.port > 0 ? QString::number(m_parameters.port) : QString());
    m_database->setText(m_parameters.database);
    m_schema->setText(m_parameters.schema);
    m_user->setText(m_parameters.user);
    m_password->setText(m_parameters.password);
    int mode = m_sslMode->findData(m_parameters.sslMode);
    m_sslMode->setCurrentIndex(mode < 0 ? 0 : mode);
    m_sslRootCert->setText(m_parameters.sslRootCert);
    m_sslClientCert->setText(m_parameters.sslClientCert);
    m_sslClientKey->setText(m_parameters.sslClientKey);
    m_sslIdentity->setText(m_parameters.sslIdentity);
    m_sslIdentityPassword->setText(m_parameters.sslIdentityPassword);
    m_sqliteFile->setText(m_parameters.sqliteFile);
    m_updating = false;
}

void ConnectionForm::showProblem(const QString &problem)
{
    m_problem = problem;
    m_urlProblem->setText(problem);
    m_urlProblem->setVisible(!problem.isEmpty());
}

} // namespace gh::ui
