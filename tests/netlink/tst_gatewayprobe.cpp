// GatewayProbe against the real kernel (root only): a namespace "lab" whose
// veth leads to a "lan" namespace holding the gateway. The gateway answers
// by TCP (its closed ports send RST) and, once ping_group_range lets us
// open a ping socket, by ICMP; an address nobody holds and one beyond the
// gateway (which does not forward) do not answer; a bad address is said
// to be one.
#include "gatewayprobe.h"
#include "netnsfixture.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Passerelle;

Q_DECLARE_METATYPE(Passerelle::GatewayProbe::Result)
Q_DECLARE_METATYPE(Passerelle::GatewayProbe::Method)

class TestGatewayProbe : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<NetnsFixture> m_fx;
    QString m_lab;
    QString m_lan;
    bool m_filtered = false;   // the gateway drops TCP

    bool ip(const QString &ns, const QString &args)
    {
        QString error;
        const bool ok = m_fx->ip(ns, args.split(QLatin1Char(' ')), &error);
        if (!ok)
            qWarning("ip -n %s %s: %s", qPrintable(ns), qPrintable(args), qPrintable(error));
        return ok;
    }

    bool sysctl(const QString &ns, const QString &setting)
    {
        return NetnsFixture::run(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("exec"), ns,
                                                        QStringLiteral("sysctl"), QStringLiteral("-qw"), setting})
            == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<GatewayProbe::Result>();
        const QString reason = NetnsFixture::skipReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        m_fx = std::make_unique<NetnsFixture>();
        m_lab = m_fx->create(QStringLiteral("probe"));
        m_lan = m_fx->create(QStringLiteral("probelan"));
        QVERIFY(!m_lab.isEmpty() && !m_lan.isEmpty());
        QVERIFY(m_fx->addUplink(m_lab, m_lan));
        QVERIFY(ip(m_lab, QStringLiteral("addr add 2001:db8::10/64 dev em1 nodad")));
        QVERIFY(ip(m_lan, QStringLiteral("addr add 2001:db8::1/64 dev eth0 nodad")));
        // The probe's sockets are made by this thread: it lives in the lab.
        QVERIFY(m_fx->enter(m_lab));
    }

    void probe_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("pingSockets");   // ping_group_range lets root open one
        QTest::addColumn<GatewayProbe::Result>("result");
        QTest::addColumn<GatewayProbe::Method>("method");
        QTest::addColumn<int>("withinMs");

        using R = GatewayProbe::Result;
        using M = GatewayProbe::Method;
        QTest::newRow("tcp-refused-counts") << QStringLiteral("192.0.2.1") << false << R::Answered << M::Tcp << 2000;
        QTest::newRow("tcp-ipv6") << QStringLiteral("2001:db8::1") << false << R::Answered << M::Tcp << 2000;
        // Both run at once; whichever answers first wins.
        QTest::newRow("icmp-or-tcp") << QStringLiteral("192.0.2.1") << true << R::Answered << M::None << 2000;
        QTest::newRow("nobody-there") << QStringLiteral("192.0.2.99") << true << R::NoAnswer << M::None << 3500;
        QTest::newRow("beyond-the-gateway") << QStringLiteral("198.51.100.1") << false << R::NoAnswer << M::None << 3500;
        QTest::newRow("not-an-address") << QStringLiteral("gateway") << false << R::InvalidAddress << M::None << 100;
    }

    void probe()
    {
        QFETCH(QString, address);
        QFETCH(bool, pingSockets);
        QFETCH(GatewayProbe::Result, result);
        QFETCH(GatewayProbe::Method, method);
        QFETCH(int, withinMs);
        QVERIFY(sysctl(m_lab, pingSockets ? QStringLiteral("net.ipv4.ping_group_range=0 2147483647")
                                          : QStringLiteral("net.ipv4.ping_group_range=1 0")));

        GatewayProbe probe;
        QSignalSpy finished(&probe, &GatewayProbe::finished);
        QElapsedTimer t;
        t.start();
        probe.start(address, 0, 3000);
        QVERIFY(probe.isRunning());
        QVERIFY(finished.wait(withinMs + 1000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).value<GatewayProbe::Result>(), result);
        QVERIFY2(t.elapsed() <= withinMs, qPrintable(QString::number(t.elapsed())));
        QVERIFY(!probe.isRunning());
        if (method != GatewayProbe::Method::None)
            QCOMPARE(probe.method(), method);
        if (result == GatewayProbe::Result::Answered)
            QVERIFY(probe.method() != GatewayProbe::Method::None);
        // Exactly one answer, even with late ones on the other sockets.
        QTest::qWait(200);
        QCOMPARE(finished.size(), 1);
    }

    void icmpAloneAnswers()
    {
        // The gateway's TCP stack drops everything: only the echo can answer.
        QVERIFY(sysctl(m_lab, QStringLiteral("net.ipv4.ping_group_range=0 2147483647")));
        m_filtered = true;
        QByteArray error;
        if (NetnsFixture::run(QStringLiteral("ip"),
                              {QStringLiteral("netns"), QStringLiteral("exec"), m_lan, QStringLiteral("nft"),
                               QStringLiteral("add table inet t { chain c { type filter hook input priority 0; "
                                              "meta l4proto tcp drop; }; }")},
                              nullptr, &error)
            != 0)
            QSKIP(qPrintable(QStringLiteral("nft cannot filter here: ") + QString::fromLocal8Bit(error)));
        GatewayProbe probe;
        QSignalSpy finished(&probe, &GatewayProbe::finished);
        probe.start(QStringLiteral("192.0.2.1"), 0, 3000);
        QVERIFY(finished.wait(4000));
        QCOMPARE(finished.at(0).at(0).value<GatewayProbe::Result>(), GatewayProbe::Result::Answered);
        QCOMPARE(probe.method(), GatewayProbe::Method::Icmp);

        // Without ping sockets nothing gets through any more.
        QVERIFY(sysctl(m_lab, QStringLiteral("net.ipv4.ping_group_range=1 0")));
        probe.start(QStringLiteral("192.0.2.1"), 0, 1500);
        QVERIFY(finished.wait(3000));
        QCOMPARE(finished.at(1).at(0).value<GatewayProbe::Result>(), GatewayProbe::Result::NoAnswer);
    }

    void restartAbandonsTheFirst()
    {
        GatewayProbe probe;
        QSignalSpy finished(&probe, &GatewayProbe::finished);
        probe.start(QStringLiteral("192.0.2.99"), 0, 3000);
        probe.start(QStringLiteral("192.0.2.1"), 0, 3000);
        QVERIFY(finished.wait(3000));
        QCOMPARE(finished.at(0).at(0).value<GatewayProbe::Result>(), GatewayProbe::Result::Answered);
        QTest::qWait(3500);
        QCOMPARE(finished.size(), 1);
        probe.start(QStringLiteral("192.0.2.1"), 0, 3000);
        probe.cancel();
        QTest::qWait(500);
        QCOMPARE(finished.size(), 1);
    }

    void cleanup()
    {
        if (std::exchange(m_filtered, false))
            NetnsFixture::run(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("exec"), m_lan,
                                                     QStringLiteral("nft"), QStringLiteral("delete table inet t")});
    }

    void cleanupTestCase()
    {
        if (m_fx)
            NetnsFixture::leave();
        m_fx.reset();
    }
};

QTEST_MAIN(TestGatewayProbe)
#include "tst_gatewayprobe.moc"
