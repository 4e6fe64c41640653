// The entity-relationship view: one card per Auth.js model as the schema defines it (names,
// @@map tables, @map columns, types, keys), lines for the foreign keys to User, and a click on
// a card opening that model's table in the main window.

#include "core/auth/AuthSchema.h"
#include "core/prisma/DataModel.h"
#include "core/prisma/SchemaSource.h"
#include "ui/diagram/DiagramController.h"
#include "ui/diagram/DiagramPage.h"
#include "ui/diagram/DiagramScene.h"
#include "ui/diagram/DiagramView.h"
#include "ui/diagram/EntityItem.h"
#include "ui/diagram/RelationItem.h"
#include "ui/editor/SchemaEditor.h"
#include "ui/editor/SchemaWorkspace.h"
#include "ui/inspector/RecordView.h"
#include "ui/window/MainWindow.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QtTest>

using namespace gh;
using namespace gh::ui;

namespace {

// The Auth.js docs' snake_case layout, with the optional Authenticator mapped as well.
const char kSnakeCaseSchema[] = R"(datasource db {
  provider = "postgresql"
}
model User {
  id            String          @id @default(cuid())
  name          String?
  email         String?         @unique
  emailVerified DateTime?       @map("email_verified")
  image         String?
  accounts      Account[]
  sessions      Session[]
  authenticators Authenticator[]
  @@map("users")
}
model Account {
  id                String  @id @default(cuid())
  userId            String  @map("user_id")
  type              String
  provider          String
  providerAccountId String  @map("provider_account_id")
  refresh_token     String?
  access_token      String?
  expires_at        Int?
  token_type        String?
  scope             String?
  id_token          String?
  session_state     String?
  user User @relation(fields: [userId], references: [id], onDelete: Cascade)
  @@unique([provider, providerAccountId])
  @@map("accounts")
}
model Session {
  id           String   @id @default(cuid())
  sessionToken String   @unique @map("session_token")
  userId       String   @map("user_id")
  expires      DateTime
  user         User     @relation(fields: [userId], references: [id], onDelete: Cascade)
  @@map("sessions")
}
model VerificationToken {
  identifier String
  token      String
  expires    DateTime
  @@unique([identifier, token])
  @@map("verification_tokens")
}
model Authenticator {
  credentialID         String  @unique @map("credential_id")
  userId               String  @map("user_id")
  providerAccountId    String  @map("provider_account_id")
  credentialPublicKey  String  @map("credential_public_key")
  counter              Int
  credentialDeviceType String  @map("credential_device_type")
  credentialBackedUp   Boolean @map("credential_backed_up")
  transports           String?
  user User @relation(fields: [userId], references: [id], onDelete: Cascade)
  @@id([userId, credentialID])
  @@map("authenticators")
}
)";

QString dataFile(const QString &relative)
{
    return QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/") + relative;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write(content);
    return path;
}

// The page drawn for a schema file, as the window draws it: the mapping from the data model,
// the data model itself read off the GUI thread.
bool drawSchema(DiagramPage &page, const QString &path)
{
    auto source = prisma::SchemaSource::load(path);
    if (!source)
        return false;
    auto schema = AuthSchema::fromDataModel(prisma::DataModel::build(*source));
    if (!schema)
        return false;
    QSignalSpy drawn(&page, &DiagramPage::diagramChanged);
    page.setSchema(*schema, {path});
    return page.isLoading() && drawn.wait(10000) && !page.isLoading();
}

QStringList cardTexts(const DiagramScene &scene)
{
    QStringList texts;
    for (const EntityItem *item : scene.entityItems())
        texts << (item->subtitle().isEmpty() ? item->title()
                                             : item->title() + QLatin1Char('/') + item->subtitle());
    return texts;
}

// The window's diagram: the page the window adds itself, else one added here.
DiagramPage *diagramOf(MainWindow &window)
{
    if (!window.page(QStringLiteral("diagram")))
        new DiagramController(&window);
    return qobject_cast<DiagramPage *>(window.page(QStringLiteral("diagram")));
}

const DiagramField *fieldOf(const DiagramScene &scene, AuthModelKind kind, const QString &name)
{
    const EntityItem *item = scene.entityItem(kind);
    if (!item)
        return nullptr;
    for (const DiagramField &f : item->entity().fields) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

} // namespace

class TestDiagram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsTheFiveModelsAsTheSchemaNamesThem_data()
    {
        QTest::addColumn<QString>("schemaPath");
        QTest::addColumn<QStringList>("cards");
        QTest::addColumn<int>("relations");
        QTest::addColumn<QString>("sessionTokenColumn");

        QTest::newRow("prisma defaults")
            << dataFile(QStringLiteral("auth/schemas/authjs-postgres.prisma"))
            << QStringList{QStringLiteral("User"), QStringLiteral("Account"),
                           QStringLiteral("Session"), QStringLiteral("VerificationToken"),
                           QStringLiteral("Authenticator")}
            << 3 << QString();
        QTest::newRow("snake_case @@map")
            << QStringLiteral("snake")
            << QStringList{QStringLiteral("User/table users"),
                           QStringLiteral("Account/table accounts"),
                           QStringLiteral("Session/table sessions"),
                           QStringLiteral("VerificationToken/table verification_tokens"),
                           QStringLiteral("Authenticator/table authenticators")}
            << 3 << QStringLiteral("session_token");
        // A schema without the optional Authenticator still shows its place, dashed.
        QTest::newRow("no Authenticator")
            << dataFile(QStringLiteral("auth/schemas/authjs-postgres-modified.prisma"))
            << QStringList{QStringLiteral("User"), QStringLiteral("Account"),
                           QStringLiteral("Session"), QStringLiteral("VerificationToken"),
                           QStringLiteral("Authenticator/not in this schema")}
            << 2 << QString();
    }

    void drawsTheFiveModelsAsTheSchemaNamesThem()
    {
        QFETCH(QString, schemaPath);
        QFETCH(QStringList, cards);
        QFETCH(int, relations);
        QFETCH(QString, sessionTokenColumn);

        QTemporaryDir dir;
        if (schemaPath == QLatin1String("snake"))
            schemaPath = writeFile(dir, QStringLiteral("schema.prisma"), kSnakeCaseSchema);
        DiagramPage page;
        page.resize(1200, 800);
        QVERIFY(drawSchema(page, schemaPath));
        const DiagramScene &scene = *page.scene();
        const QString shots = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            page.show();
            QTest::qWait(100);
            page.grab().save(shots + QStringLiteral("/diagram-%1.png")
                                         .arg(QString::fromLatin1(QTest::currentDataTag())
                                                  .replace(QLatin1Char(' '), QLatin1Char('-'))
                                                  .remove(QLatin1Char('@'))));
        }
        QCOMPARE(cardTexts(scene), cards);
        QCOMPARE(scene.relationItems().size(), relations);
        for (const RelationItem *line : scene.relationItems()) {
            QCOMPARE(line->relation().parent, AuthModelKind::User);
            QVERIFY(line->relation().childMany);
        }

        // Fields as written: types with their markers, @map columns, keys.
        const DiagramField *token =
            fieldOf(scene, AuthModelKind::Session, QStringLiteral("sessionToken"));
        QVERIFY(token);
        QCOMPARE(token->type, QStringLiteral("String"));
        QCOMPARE(token->column, sessionTokenColumn);
        QVERIFY(token->unique || token->primaryKey);
        const DiagramField *verified =
            fieldOf(scene, AuthModelKind::User, QStringLiteral("emailVerified"));
        QVERIFY(verified);
        QCOMPARE(verified->type + verified->marker, QStringLiteral("DateTime?"));
        const DiagramField *accounts =
            fieldOf(scene, AuthModelKind::User, QStringLiteral("accounts"));
        QVERIFY(accounts);
        QVERIFY(accounts->relation);
        QCOMPARE(accounts->type + accounts->marker, QStringLiteral("Account[]"));
        const DiagramField *owner =
            fieldOf(scene, AuthModelKind::Account, QStringLiteral("userId"));
        QVERIFY(owner && owner->foreignKey);
        QVERIFY(fieldOf(scene, AuthModelKind::User, QStringLiteral("id"))->primaryKey);

        // User sits in the middle: Account left of it, Session right of it, no card overlaps.
        const QRectF user = scene.entityItem(AuthModelKind::User)->sceneBoundingRect();
        QVERIFY(scene.entityItem(AuthModelKind::Account)->sceneBoundingRect().right() <
                user.left());
        QVERIFY(scene.entityItem(AuthModelKind::Session)->sceneBoundingRect().left() >
                user.right());
        const auto items = scene.entityItems();
        for (int i = 0; i < items.size(); ++i) {
            for (int j = i + 1; j < items.size(); ++j) {
                const QRectF a(items.at(i)->pos(), items.at(i)->size());
                const QRectF b(items.at(j)->pos(), items.at(j)->size());
                QVERIFY2(!a.intersects(b),
                         qPrintable(items.at(i)->title() + QLatin1String(" overlaps ") +
                                    items.at(j)->title()));
            }
        }
    }

    void withoutASchemaFileTheMappingIsDrawn()
    {
        DiagramPage page;
        page.setSchema(AuthSchema::snakeCaseDefaults(), {});
        QVERIFY(!page.isLoading());
        QCOMPARE(page.scene()->entityItems().size(), 5);
        QCOMPARE(page.scene()->entityItem(AuthModelKind::Session)->subtitle(),
                 QStringLiteral("table sessions"));
        const DiagramField *owner =
            fieldOf(*page.scene(), AuthModelKind::Session, QStringLiteral("userId"));
        QVERIFY(owner && owner->foreignKey);
        QCOMPARE(owner->column, QStringLiteral("user_id"));
    }

    void ctrlWheelZoomsAndFitReturns()
    {
        DiagramPage page;
        page.resize(1000, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setSchema(AuthSchema::prismaDefaults(), {});
        DiagramView *view = page.view();
        QVERIFY(view->isFitted());
        const qreal fitted = view->zoom();
        const QPointF centre = QRectF(view->viewport()->rect()).center();
        QWheelEvent wheel(centre, view->viewport()->mapToGlobal(centre), QPoint(), QPoint(0, 240),
                          Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(view->viewport(), &wheel);
        QVERIFY(view->zoom() > fitted * 1.3);
        QVERIFY(!view->isFitted());
        view->fitToView();
        QCOMPARE(view->zoom(), fitted);
        // The whole drawing is in sight once fitted.
        const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
        QVERIFY(visible.adjusted(-1, -1, 1, 1).contains(page.scene()->itemsBoundingRect()));
    }

    void followsThePalette()
    {
        DiagramPage page;
        page.resize(1200, 760);
        page.setSchema(AuthSchema::prismaDefaults(), {});
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x33, 0x33, 0x33));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe6));
        QPalette light;
        light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        light.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
        page.setPalette(light);
        QVERIFY(!page.scene()->colors().dark);
        const QImage lightImage = page.grab().toImage();
        page.setPalette(dark);
        QVERIFY(page.scene()->colors().dark);
        const QImage darkImage = page.grab().toImage();
        // The canvas follows the scheme: dark pixels in the middle of the dark drawing.
        QVERIFY(lightImage.pixelColor(5, lightImage.height() - 5).lightness() > 160);
        QVERIFY(darkImage.pixelColor(5, darkImage.height() - 5).lightness() < 90);
        const QString shots = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            lightImage.save(shots + QStringLiteral("/diagram-light.png"));
            darkImage.save(shots + QStringLiteral("/diagram-dark.png"));
        }
    }

    void clickingACardOpensItsTable()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow window;
        DiagramPage *page = diagramOf(window);
        QVERIFY(page);
        QVERIFY(window.viewNames().contains(QStringLiteral("diagram")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openDemo(dir.filePath(QStringLiteral("demo")));
        QVERIFY(loaded.wait(60000));
        QVERIFY(loaded.first().first().toBool());

        QVERIFY(window.showView(QStringLiteral("diagram")));
        QVERIFY(page->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 10000);
        QCOMPARE(page->scene()->entityItems().size(), 5);
        QCOMPARE(page->scene()->relationItems().size(), 3);
        QVERIFY(!window.currentView());

        const QString shots = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            QTest::qWait(300);
            window.grab().save(shots + QStringLiteral("/diagram-window.png"));
        }

        EntityItem *user = page->scene()->entityItem(AuthModelKind::User);
        const QPoint at = page->view()->mapFromScene(user->sceneBoundingRect().center());
        QVERIFY(page->view()->viewport()->rect().contains(at));
        QTest::mouseClick(page->view()->viewport(), Qt::LeftButton, Qt::NoModifier, at);
        QCOMPARE(window.currentView(), window.view(AuthModelKind::User));

        // Back on the diagram, Session's card opens the sessions.
        QVERIFY(window.showView(QStringLiteral("diagram")));
        EntityItem *session = page->scene()->entityItem(AuthModelKind::Session);
        QTest::mouseClick(page->view()->viewport(), Qt::LeftButton, Qt::NoModifier,
                          page->view()->mapFromScene(session->sceneBoundingRect().center()));
        QCOMPARE(window.currentView(), window.view(AuthModelKind::Session));

        // From the keyboard: a focused card opens with Enter.
        QVERIFY(window.showView(QStringLiteral("diagram")));
        EntityItem *accounts = page->scene()->entityItem(AuthModelKind::Account);
        page->view()->setFocus();
        page->scene()->setFocusItem(accounts);
        QVERIFY(accounts->hasFocus());
        QTest::keyClick(page->view()->viewport(), Qt::Key_Return);
        QCOMPARE(window.currentView(), window.view(AuthModelKind::Account));
    }

    void savingTheSchemaRedrawsTheDiagram()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow window;
        DiagramPage *page = diagramOf(window);
        QVERIFY(page);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openDemo(dir.filePath(QStringLiteral("demo")));
        QVERIFY(loaded.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 10000);
        QVERIFY(!fieldOf(*page->scene(), AuthModelKind::User, QStringLiteral("role")));

        SchemaWorkspace *schema = window.schemaWorkspace();
        QTRY_COMPARE_WITH_TIMEOUT(schema->editorCount(), 1, 10000);
        SchemaEditor *editor = schema->editor(0);
        const QString text = editor->text();
        const int user = int(text.indexOf(QStringLiteral("model User {")));
        QVERIFY(user >= 0);
        const int lineEnd = int(text.indexOf(QLatin1Char('\n'), user));
        editor->setText(text.left(lineEnd + 1) +
                        QStringLiteral("  role String @default(\"member\")\n") +
                        text.mid(lineEnd + 1));
        QSignalSpy redrawn(page, &DiagramPage::diagramChanged);
        QVERIFY(schema->save(editor));
        QVERIFY(redrawn.wait(10000));
        const DiagramField *role =
            fieldOf(*page->scene(), AuthModelKind::User, QStringLiteral("role"));
        QVERIFY(role);
        QCOMPARE(role->type, QStringLiteral("String"));
    }
};

QTEST_MAIN(TestDiagram)
#include "tst_diagram.moc"
