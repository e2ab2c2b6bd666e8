// PLACEHOLDER: replaced by the real implementation.
#include "netlinkmonitor.h"

namespace Passerelle {
class NetlinkMonitor::Private {};
NetlinkMonitor::~NetlinkMonitor() = default;
} // namespace Passerelle
