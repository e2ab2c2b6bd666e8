// Interface names as the helper accepts them: at least as strict as the
// kernel (dev_valid_name) and systemd (ifname_valid): 1-15 printable ASCII
// bytes, no '/', ':', '%' or whitespace, not "." or "..", not all digits.
// Pure; every name a client sends passes here before anything else sees it.
#pragma once

#include "helpererrors.h"

#include <QString>

#include <optional>

namespace Passerelle::NameValidator {

// Longest name the kernel stores (IFNAMSIZ - 1).
inline constexpr int MaxNameBytes = 15;

// What is wrong with NAME, or nullopt when it is a valid interface name.
std::optional<InvalidNameReason> problem(const QString &name);

inline bool isValid(const QString &name)
{
    return !problem(name).has_value();
}

} // namespace Passerelle::NameValidator
