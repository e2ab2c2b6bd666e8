// How the owner of a namespace reads for people, in the GUI and the CLI alike.
#pragma once

#include "topologytypes.h"

#include <QCoreApplication>

namespace Passerelle {

class OwnerText
{
    Q_DECLARE_TR_FUNCTIONS(OwnerText)
public:
    // "docker:web", "netns:lan", "namespace 3 (owner unknown)", "-"
    static QString brief(const Owner &owner);
    // A sentence: "Docker container web (1a2b3c4d5e6f)".
    static QString sentence(const Owner &owner);
};

} // namespace Passerelle
