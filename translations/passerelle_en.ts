<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>HelperCall</name>
    <message numerus="yes">
        <source>Done. The change is undone in %n second(s) unless you keep it with:
  passerellectl confirm %1
</source>
        <translation>
            <numerusform>Done. The change is undone in %n second unless you keep it with:
  passerellectl confirm %1
</numerusform>
            <numerusform>Done. The change is undone in %n seconds unless you keep it with:
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
