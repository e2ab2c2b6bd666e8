// Where passerelle-helper lives on the system bus and which polkit actions
// it checks: the names both sides of the privilege boundary agree on. The
// methods themselves are in resources/org.passerelle.Helper1.xml.
#pragma once

#include <QLatin1String>

namespace Passerelle::HelperProtocol {

inline constexpr QLatin1String ServiceName{"org.passerelle.Helper1"};
inline constexpr QLatin1String ObjectPath{"/org/passerelle/Helper1"};
inline constexpr QLatin1String InterfaceName{"org.passerelle.Helper1"};

// polkit actions, declared in helper/system/org.passerelle.policy.
inline constexpr QLatin1String ActionManageBridges{"org.passerelle.bridge.manage"};
inline constexpr QLatin1String ActionConfigureDocker{"org.passerelle.docker.configure"};

} // namespace Passerelle::HelperProtocol
