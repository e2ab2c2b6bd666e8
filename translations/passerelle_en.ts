<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>ExposeCommand</name>
    <message numerus="yes">
        <source>It is undone in %n second(s) unless you keep it with:
</source>
        <translation>
            <numerusform>It is undone in %n second unless you keep it with:
</numerusform>
            <numerusform>It is undone in %n seconds unless you keep it with:
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HelperCall</name>
    <message numerus="yes">
        <source>Applied, on trial: it is undone in %n second(s) unless you keep it with:
  passerellectl confirm %1
</source>
        <translation>
            <numerusform>Applied, on trial: it is undone in %n second unless you keep it with:
  passerellectl confirm %1
</numerusform>
            <numerusform>Applied, on trial: it is undone in %n seconds unless you keep it with:
  passerellectl confirm %1
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HelperPlanText</name>
    <message numerus="yes">
        <source>Keep the change only if confirmed within %n second(s); otherwise undo all of it</source>
        <translation>
            <numerusform>Keep the change only if confirmed within %n second; otherwise undo all of it</numerusform>
            <numerusform>Keep the change only if confirmed within %n seconds; otherwise undo all of it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The restart stops %n running container(s) (live-restore is off): %1</source>
        <translation>
            <numerusform>The restart stops %n running container (live-restore is off): %1</numerusform>
            <numerusform>The restart stops %n running containers (live-restore is off): %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running container(s) keep running through the restart (live-restore is on): %1</source>
        <translation>
            <numerusform>%n running container keeps running through the restart (live-restore is on): %1</numerusform>
            <numerusform>%n running containers keep running through the restart (live-restore is on): %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wait up to %n second(s) for Docker to answer again</source>
        <translation>
            <numerusform>Wait up to %n second for Docker to answer again</numerusform>
            <numerusform>Wait up to %n seconds for Docker to answer again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for Docker to answer (%n second(s) so far)</source>
        <translation>
            <numerusform>Waiting for Docker to answer (%n second so far)</numerusform>
            <numerusform>Waiting for Docker to answer (%n seconds so far)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Docker answers again (after %n second(s))</source>
        <translation>
            <numerusform>Docker answers again (after %n second)</numerusform>
            <numerusform>Docker answers again (after %n seconds)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The restart stops %n running container(s) (live-restore is off)</source>
        <translation>
            <numerusform>The restart stops %n running container (live-restore is off)</numerusform>
            <numerusform>The restart stops %n running containers (live-restore is off)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running container(s) keep running through the restart (live-restore is on)</source>
        <translation>
            <numerusform>%n running container keeps running through the restart (live-restore is on)</numerusform>
            <numerusform>%n running containers keep running through the restart (live-restore is on)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The restart stopped %n running container(s) (live-restore is off): %1</source>
        <translation>
            <numerusform>The restart stopped %n running container (live-restore is off): %1</numerusform>
            <numerusform>The restart stopped %n running containers (live-restore is off): %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The restart stopped %n running container(s) (live-restore is off)</source>
        <translation>
            <numerusform>The restart stopped %n running container (live-restore is off)</numerusform>
            <numerusform>The restart stopped %n running containers (live-restore is off)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running container(s) kept running through the restart (live-restore is on): %1</source>
        <translation>
            <numerusform>%n running container kept running through the restart (live-restore is on): %1</numerusform>
            <numerusform>%n running containers kept running through the restart (live-restore is on): %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running container(s) kept running through the restart (live-restore is on)</source>
        <translation>
            <numerusform>%n running container kept running through the restart (live-restore is on)</numerusform>
            <numerusform>%n running containers kept running through the restart (live-restore is on)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Passerelle::ConfirmBanner</name>
    <message numerus="yes">
        <source>Give me %n more second(s) to decide</source>
        <translation>
            <numerusform>Give me %n more second to decide</numerusform>
            <numerusform>Give me %n more seconds to decide</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Passerelle::ExposeAddressPage</name>
    <message numerus="yes">
        <source>Proposed: %1, a quarter of the network at its top (%n addresses). DHCP servers usually hand out addresses from the bottom of the network: keep the containers&apos; range out of your DHCP server&apos;s pool and away from machines with fixed addresses, or two machines will answer to the same address.</source>
        <translation>
            <numerusform>Proposed: %1, a quarter of the network at its top (%n address). DHCP servers usually hand out addresses from the bottom of the network: keep the containers&apos; range out of your DHCP server&apos;s pool and away from machines with fixed addresses, or two machines will answer to the same address.</numerusform>
            <numerusform>Proposed: %1, a quarter of the network at its top (%n addresses). DHCP servers usually hand out addresses from the bottom of the network: keep the containers&apos; range out of your DHCP server&apos;s pool and away from machines with fixed addresses, or two machines will answer to the same address.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TopologyText</name>
    <message numerus="yes">
        <source>%1 · %n port(s)</source>
        <comment>STP state · number of ports</comment>
        <translation>
            <numerusform>%1 · %n port</numerusform>
            <numerusform>%1 · %n ports</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TransactionCommand</name>
    <message numerus="yes">
        <source>  undone in %n second(s) unless kept with &quot;passerellectl confirm&quot;
</source>
        <translation>
            <numerusform>  undone in %n second unless kept with &quot;passerellectl confirm&quot;
</numerusform>
            <numerusform>  undone in %n seconds unless kept with &quot;passerellectl confirm&quot;
</numerusform>
        </translation>
    </message>
</context>
</TS>
