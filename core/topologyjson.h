// The JSON form of the topology that `passerellectl topology --json` and
// `monitor --json` print. Field names are an interface users script
// against: add fields, never rename or remove them (see README, "JSON").
#pragma once

#include "topologytypes.h"

#include <QJsonObject>

namespace Passerelle {

class TopologyModel;

QJsonObject addressToJson(const Address &address);
QJsonObject linkToJson(const TopologyModel &model, const Link &link);
QJsonObject containerToJson(const TopologyModel &model, const Container &container);
QJsonObject ownerToJson(const Owner &owner); // {} for a null owner: callers write null
QJsonObject dockerStatusToJson(const DockerStatus &status);
// {"links":[...],"containers":[...],"default_routes":[...],"docker":{...}}
QJsonObject topologyToJson(const TopologyModel &model);

QString dockerStateName(DockerStatus::State state);

} // namespace Passerelle
