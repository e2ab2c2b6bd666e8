// Saving the graph as a picture: PNG through a QImage, SVG through
// QSvgGenerator. Both draw the whole graph, whatever part the view shows.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace Passerelle {

class TopologyScene;

class GraphExport
{
    Q_DECLARE_TR_FUNCTIONS(GraphExport)
public:
    // On failure, *error says why in a sentence for the user.
    static bool toPng(TopologyScene *scene, const QString &path, QString *error = nullptr);
    static bool toSvg(TopologyScene *scene, const QString &path, QString *error = nullptr);
};

} // namespace Passerelle
