<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
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
</TS>
