<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>BridgeCommand</name>
    <message>
        <source>usage: passerellectl bridge create NAME [--stp on|off]
       passerellectl bridge delete NAME
       passerellectl bridge add-port BRIDGE PORT
       passerellectl bridge remove-port BRIDGE PORT
       passerellectl bridge stp BRIDGE on|off</source>
        <translation>utilisation : passerellectl bridge create NOM [--stp on|off]
              passerellectl bridge delete NOM
              passerellectl bridge add-port PONT PORT
              passerellectl bridge remove-port PONT PORT
              passerellectl bridge stp PONT on|off</translation>
    </message>
    <message>
        <source>Create and delete bridges and change their ports. passerelle-helper makes the change once polkit authorizes it, which may ask for a password.

  create NAME [--stp on|off]   A new bridge, down; STP off unless asked
  delete NAME                  Delete a bridge; its ports are released
  add-port BRIDGE PORT         Make PORT a port of BRIDGE; PORT keeps its addresses
  remove-port BRIDGE PORT      Release PORT from BRIDGE
  stp BRIDGE on|off            Turn the Spanning Tree Protocol on or off</source>
        <translation>Crée et supprime des ponts et modifie leurs ports. passerelle-helper effectue la modification une fois que polkit l&apos;autorise, ce qui peut demander un mot de passe.

  create NOM [--stp on|off]    Un nouveau pont, inactif ; STP désactivé sauf demande
  delete NOM                   Supprimer un pont ; ses ports sont libérés
  add-port PONT PORT           Faire de PORT un port de PONT ; PORT garde ses adresses
  remove-port PONT PORT        Retirer PORT de PONT
  stp PONT on|off              Activer ou désactiver le Spanning Tree Protocol</translation>
    </message>
    <message>
        <source>With create: run the Spanning Tree Protocol (default off).</source>
        <translation>Avec create : activer le Spanning Tree Protocol (désactivé par défaut).</translation>
    </message>
    <message>
        <source>create, delete, add-port, remove-port or stp.</source>
        <translation>create, delete, add-port, remove-port ou stp.</translation>
    </message>
    <message>
        <source>--stp is only for &quot;bridge create&quot;; use &quot;bridge stp BRIDGE on|off&quot;</source>
        <translation>--stp ne s&apos;utilise qu&apos;avec « bridge create » ; utilisez « bridge stp PONT on|off »</translation>
    </message>
    <message>
        <source>--stp takes on or off</source>
        <translation>--stp attend on ou off</translation>
    </message>
    <message>
        <source>SUBCOMMAND</source>
        <translation>SOUS-COMMANDE</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Print JSON instead of text.</source>
        <translation>Afficher du JSON plutôt que du texte.</translation>
    </message>
    <message>
        <source>Do not ask Docker who owns the containers.</source>
        <translation>Ne pas interroger Docker sur les conteneurs.</translation>
    </message>
    <message>
        <source>Docker daemon socket to connect to (default: $DOCKER_HOST or unix:///var/run/docker.sock).</source>
        <translation>Socket du démon Docker auquel se connecter (par défaut : $DOCKER_HOST ou unix:///var/run/docker.sock).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>cannot read the network interfaces: %1</source>
        <translation>impossible de lire les interfaces réseau : %1</translation>
    </message>
    <message>
        <source>the topology could not be read within 60 seconds</source>
        <translation>la topologie n&apos;a pas pu être lue en 60 secondes</translation>
    </message>
    <message>
        <source>passerellectl: warning: Docker is not reachable (%1); containers are not shown.</source>
        <translation>passerellectl: avertissement : Docker est injoignable (%1) ; les conteneurs ne sont pas affichés.</translation>
    </message>
</context>
<context>
    <name>GraphExport</name>
    <message>
        <source>The graph is too large to be saved as a picture.</source>
        <translation>Le graphe est trop grand pour être enregistré en image.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Network topology</source>
        <translation>Topologie réseau</translation>
    </message>
    <message>
        <source>Bridges, interfaces and containers, drawn by Passerelle.</source>
        <translation>Ponts, interfaces et conteneurs, dessinés par Passerelle.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Impossible d&apos;écrire %1.</translation>
    </message>
</context>
<context>
    <name>GuiCommandLine</name>
    <message>
        <source>Shows the bridges, interfaces and containers of this host, live.</source>
        <translation>Affiche en direct les ponts, les interfaces et les conteneurs de cet hôte.</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE once the topology is shown, then quit.</source>
        <translation>Enregistrer une image de la fenêtre dans FICHIER une fois la topologie affichée, puis quitter.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>Use this language instead of the system&apos;s.</source>
        <translation>Utiliser cette langue plutôt que celle du système.</translation>
    </message>
    <message>
        <source>The topology was not ready after %1 seconds; saving what is shown.</source>
        <translation>La topologie n&apos;était pas prête au bout de %1 secondes ; enregistrement de ce qui est affiché.</translation>
    </message>
    <message>
        <source>Cannot write the screenshot to %1.</source>
        <translation>Impossible d&apos;écrire la capture d&apos;écran dans %1.</translation>
    </message>
</context>
<context>
    <name>HelperErrorText</name>
    <message>
        <source>not authorized to manage bridges</source>
        <translation>non autorisé à gérer les ponts</translation>
    </message>
    <message>
        <source>not authorized to configure Docker</source>
        <translation>non autorisé à configurer Docker</translation>
    </message>
    <message>
        <source>not authorized to make this change</source>
        <translation>non autorisé à effectuer cette modification</translation>
    </message>
    <message>
        <source>an interface name cannot be empty</source>
        <translation>un nom d&apos;interface ne peut pas être vide</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid interface name: it is longer than 15 bytes</source>
        <translation>« %1 » n&apos;est pas un nom d&apos;interface valide : il dépasse 15 octets</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid interface name: only printable ASCII characters are allowed</source>
        <translation>« %1 » n&apos;est pas un nom d&apos;interface valide : seuls les caractères ASCII imprimables sont autorisés</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid interface name: it must not contain &apos;/&apos;, &apos;:&apos;, &apos;%&apos; or spaces</source>
        <translation>« %1 » n&apos;est pas un nom d&apos;interface valide : il ne doit contenir ni « / », ni « : », ni « % », ni espace</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid interface name: &quot;.&quot; and &quot;..&quot; are reserved</source>
        <translation>« %1 » n&apos;est pas un nom d&apos;interface valide : « . » et « .. » sont réservés</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid interface name: a name made only of digits would be read as an interface index</source>
        <translation>« %1 » n&apos;est pas un nom d&apos;interface valide : un nom composé uniquement de chiffres serait lu comme un index d&apos;interface</translation>
    </message>
    <message>
        <source>there is no link named &quot;%1&quot;</source>
        <translation>il n&apos;existe aucune interface nommée « %1 »</translation>
    </message>
    <message>
        <source>%1 is not a bridge</source>
        <translation>%1 n&apos;est pas un pont</translation>
    </message>
    <message>
        <source>%1 is not a bridge (it is a %2 link)</source>
        <translation>%1 n&apos;est pas un pont (c&apos;est une interface %2)</translation>
    </message>
    <message>
        <source>%1 is not a port of %2</source>
        <translation>%1 n&apos;est pas un port de %2</translation>
    </message>
    <message>
        <source>%1 is the loopback device; it is never changed</source>
        <translation>%1 est l&apos;interface de boucle locale ; elle n&apos;est jamais modifiée</translation>
    </message>
    <message>
        <source>a link named &quot;%1&quot; already exists</source>
        <translation>une interface nommée « %1 » existe déjà</translation>
    </message>
    <message>
        <source>%1 is already a port of %2; remove it from there first</source>
        <translation>%1 est déjà un port de %2 ; retirez-le d&apos;abord de %2</translation>
    </message>
    <message>
        <source>a bridge cannot be a port of itself (%1)</source>
        <translation>un pont ne peut pas être un port de lui-même (%1)</translation>
    </message>
    <message>
        <source>making %2 a port of %1 would create a loop</source>
        <translation>faire de %2 un port de %1 créerait une boucle</translation>
    </message>
    <message>
        <source>%1 is inside a container&apos;s network namespace</source>
        <translation>%1 se trouve dans l&apos;espace de noms réseau d&apos;un conteneur</translation>
    </message>
    <message>
        <source>the helper is busy with other requests from this program; try again</source>
        <translation>le service auxiliaire traite déjà d&apos;autres requêtes de ce programme ; réessayez</translation>
    </message>
    <message>
        <source>the change failed: %1</source>
        <translation>la modification a échoué : %1</translation>
    </message>
    <message>
        <source>the change failed</source>
        <translation>la modification a échoué</translation>
    </message>
    <message>
        <source>the Passerelle helper could not be started (is passerelle-helper installed?)</source>
        <translation>le service auxiliaire de Passerelle n&apos;a pas pu être démarré (passerelle-helper est-il installé ?)</translation>
    </message>
    <message>
        <source>the Passerelle helper did not answer in time</source>
        <translation>le service auxiliaire de Passerelle n&apos;a pas répondu à temps</translation>
    </message>
    <message>
        <source>the system bus refused the call (is the Passerelle bus policy installed?)</source>
        <translation>le bus système a refusé l&apos;appel (la politique D-Bus de Passerelle est-elle installée ?)</translation>
    </message>
    <message>
        <source>cannot connect to the system bus</source>
        <translation>impossible de se connecter au bus système</translation>
    </message>
    <message>
        <source>the installed Passerelle helper does not understand this request (is it older than this program?)</source>
        <translation>le service auxiliaire de Passerelle installé ne comprend pas cette requête (est-il plus ancien que ce programme ?)</translation>
    </message>
    <message>
        <source>the Passerelle helper failed: %1</source>
        <translation>échec du service auxiliaire de Passerelle : %1</translation>
    </message>
</context>
<context>
    <name>LinkCommand</name>
    <message>
        <source>Bring a link up or down. passerelle-helper makes the change once polkit authorizes it, which may ask for a password.</source>
        <translation>Active ou désactive une interface. passerelle-helper effectue la modification une fois que polkit l&apos;autorise, ce qui peut demander un mot de passe.</translation>
    </message>
    <message>
        <source>The only subcommand so far.</source>
        <translation>La seule sous-commande pour l&apos;instant.</translation>
    </message>
    <message>
        <source>The link, such as em1 or br0.</source>
        <translation>L&apos;interface, par exemple em1 ou br0.</translation>
    </message>
    <message>
        <source>The state to put it in.</source>
        <translation>L&apos;état à lui donner.</translation>
    </message>
    <message>
        <source>usage: passerellectl link set NAME up|down</source>
        <translation>utilisation : passerellectl link set NOM up|down</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>passerellectl: unknown command &quot;%1&quot;</source>
        <translation>passerellectl: commande inconnue « %1 »</translation>
    </message>
    <message>
        <source>Usage: passerellectl [--lang fr|en] COMMAND [OPTIONS]

Commands:
  topology [--json]                    Show links, bridges, veths and containers
  monitor [--json]                     Print each change as it happens (Ctrl-C ends)
  who-owns IFNAME                      Who holds the far end of a veth
  who-owns --container NAME|ID         The host-side links of a container
  bridge create NAME [--stp on|off]    Create a bridge (asks passerelle-helper)
  bridge delete NAME                   Delete a bridge; its ports are released
  bridge add-port BRIDGE PORT          Make PORT a port of BRIDGE
  bridge remove-port BRIDGE PORT       Release PORT from BRIDGE
  bridge stp BRIDGE on|off             Turn STP on or off on a bridge
  link set NAME up|down                Bring a link up or down

Common options: --json, --no-docker, -H/--docker-host URL, --help
Run &apos;passerellectl COMMAND --help&apos; for more about a command.
</source>
        <translation>Utilisation : passerellectl [--lang fr|en] COMMANDE [OPTIONS]

Commandes :
  topology [--json]                    Afficher les interfaces, les ponts, les veths et les conteneurs
  monitor [--json]                     Afficher chaque changement dès qu&apos;il survient (Ctrl-C pour arrêter)
  who-owns IFNAME                      Qui détient l&apos;autre extrémité d&apos;une veth
  who-owns --container NOM|ID          Les interfaces côté hôte d&apos;un conteneur
  bridge create NOM [--stp on|off]     Créer un pont (par passerelle-helper)
  bridge delete NOM                    Supprimer un pont ; ses ports sont libérés
  bridge add-port PONT PORT            Faire de PORT un port de PONT
  bridge remove-port PONT PORT         Retirer PORT de PONT
  bridge stp PONT on|off               Activer ou désactiver STP sur un pont
  link set NOM up|down                 Activer ou désactiver une interface

Options communes : --json, --no-docker, -H/--docker-host URL, --help
Lancez « passerellectl COMMANDE --help » pour en savoir plus sur une commande.
</translation>
    </message>
</context>
<context>
    <name>MonitorCommand</name>
    <message>
        <source>%1: %2 (%3) %4</source>
        <translation>%1: %2 (%3) %4</translation>
    </message>
    <message>
        <source>%1 (%2, %3) links: %4</source>
        <translation>%1 (%2, %3) interfaces : %4</translation>
    </message>
    <message>
        <source>Print changes to links, bridges and containers as they happen.</source>
        <translation>Affiche les changements des interfaces, des ponts et des conteneurs au moment où ils se produisent.</translation>
    </message>
    <message>
        <source>monitor takes no arguments: &quot;%1&quot;</source>
        <translation>monitor n&apos;accepte aucun argument : « %1 »</translation>
    </message>
    <message>
        <source>link added %1</source>
        <translation>interface ajoutée %1</translation>
    </message>
    <message>
        <source>link changed %1 [%2]</source>
        <translation>interface modifiée %1 [%2]</translation>
    </message>
    <message>
        <source>link removed %1</source>
        <translation>interface supprimée %1</translation>
    </message>
    <message>
        <source>port %1 joined bridge %2</source>
        <translation>port %1 ajouté au pont %2</translation>
    </message>
    <message>
        <source>port %1 left bridge %2</source>
        <translation>port %1 retiré du pont %2</translation>
    </message>
    <message>
        <source>container started %1</source>
        <translation>conteneur démarré %1</translation>
    </message>
    <message>
        <source>container changed %1</source>
        <translation>conteneur modifié %1</translation>
    </message>
    <message>
        <source>container stopped %1</source>
        <translation>conteneur arrêté %1</translation>
    </message>
    <message>
        <source>owner of %1: %2</source>
        <translation>propriétaire de %1 : %2</translation>
    </message>
    <message>
        <source>via %1 dev %2</source>
        <translation>via %1 dev %2</translation>
    </message>
    <message>
        <source>default routes: %1</source>
        <translation>routes par défaut : %1</translation>
    </message>
    <message>
        <source>Docker connected (%1, API %2)</source>
        <translation>Docker connecté (%1, API %2)</translation>
    </message>
    <message>
        <source>the kernel dropped messages; state re-read (changes above include what was missed)</source>
        <translation>le noyau a perdu des messages ; état relu (les changements ci-dessus incluent ce qui avait été manqué)</translation>
    </message>
    <message>
        <source>netlink failed: %1</source>
        <translation>échec de netlink : %1</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no owner</comment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no default route</comment>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Docker connecting to %1</source>
        <translation>connexion à Docker sur %1</translation>
    </message>
    <message>
        <source>Docker unavailable: %1</source>
        <translation>Docker indisponible : %1</translation>
    </message>
    <message>
        <source>Docker not queried</source>
        <translation>Docker non interrogé</translation>
    </message>
</context>
<context>
    <name>OwnerText</name>
    <message>
        <source>namespace %1 (owner unknown)</source>
        <translation>espace de noms %1 (propriétaire inconnu)</translation>
    </message>
    <message>
        <source>Docker container %1</source>
        <translation>conteneur Docker %1</translation>
    </message>
    <message>
        <source>Docker container %1 (%2)</source>
        <translation>conteneur Docker %1 (%2)</translation>
    </message>
    <message>
        <source>Podman container %1</source>
        <translation>conteneur Podman %1</translation>
    </message>
    <message>
        <source>Kubernetes container %1</source>
        <translation>conteneur Kubernetes %1</translation>
    </message>
    <message>
        <source>containerd container %1</source>
        <translation>conteneur containerd %1</translation>
    </message>
    <message>
        <source>LXC container %1</source>
        <translation>conteneur LXC %1</translation>
    </message>
    <message>
        <source>systemd-nspawn machine %1</source>
        <translation>machine systemd-nspawn %1</translation>
    </message>
    <message>
        <source>network namespace %1</source>
        <translation>espace de noms %1</translation>
    </message>
    <message>
        <source>process %1 (%2)</source>
        <translation>processus %1 (%2)</translation>
    </message>
    <message>
        <source>network namespace %1, owner unknown</source>
        <translation>espace de noms %1, propriétaire inconnu</translation>
    </message>
</context>
<context>
    <name>Passerelle::DockerClient</name>
    <message>
        <source>unsupported Docker endpoint %1: Passerelle only talks to a local Docker daemon through its unix socket (unix://)</source>
        <extracomment>%1 is the endpoint as written in DOCKER_HOST, e.g. tcp://host:2375.</extracomment>
        <translation>point d&apos;accès Docker non pris en charge %1 : Passerelle ne dialogue qu&apos;avec un démon Docker local, par son socket Unix (unix://)</translation>
    </message>
    <message>
        <source>Docker at %1 sent a container list that is not valid JSON</source>
        <translation>Docker sur %1 a envoyé une liste de conteneurs qui n&apos;est pas du JSON valide</translation>
    </message>
    <message>
        <source>lost the connection to Docker at %1</source>
        <translation>connexion perdue avec Docker sur %1</translation>
    </message>
    <message>
        <source>permission denied on %1: add yourself to the docker group</source>
        <extracomment>%1 is a socket path such as /var/run/docker.sock; &quot;docker&quot; is the Unix group&apos;s name.</extracomment>
        <translation>permission refusée sur %1 : ajoutez-vous au groupe docker</translation>
    </message>
    <message>
        <source>no Docker daemon is listening on %1</source>
        <translation>aucun démon Docker n&apos;écoute sur %1</translation>
    </message>
    <message>
        <source>cannot connect to Docker at %1: %2</source>
        <translation>impossible de se connecter à Docker sur %1 : %2</translation>
    </message>
    <message>
        <source>Docker at %1 does not answer</source>
        <translation>Docker sur %1 ne répond pas</translation>
    </message>
    <message>
        <source>the connection to Docker at %1 failed: %2</source>
        <translation>la connexion à Docker sur %1 a échoué : %2</translation>
    </message>
    <message>
        <source>Docker at %1 answered with HTTP status %2</source>
        <translation>Docker sur %1 a répondu avec le code HTTP %2</translation>
    </message>
    <message>
        <source>Docker at %1 answered with HTTP status %2: %3</source>
        <extracomment>%3 is Docker&apos;s own error message, in English.</extracomment>
        <translation>Docker sur %1 a répondu avec le code HTTP %2 : %3</translation>
    </message>
    <message>
        <source>cannot start a request to Docker at %1</source>
        <translation>impossible d&apos;envoyer une requête à Docker sur %1</translation>
    </message>
</context>
<context>
    <name>Passerelle::InspectorPanel</name>
    <message>
        <source>uplink</source>
        <translation>liaison montante</translation>
    </message>
    <message>
        <source>bridge</source>
        <translation>pont</translation>
    </message>
    <message>
        <source>veth</source>
        <translation>veth</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Propriété</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Copy Value</source>
        <translation>Copier la valeur</translation>
    </message>
    <message>
        <source>Select a node in the graph or a row in the table to see its details.</source>
        <translation>Sélectionnez un nœud du graphe ou une ligne du tableau pour en voir le détail.</translation>
    </message>
    <message>
        <source>This interface no longer exists.</source>
        <translation>Cette interface n&apos;existe plus.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>interface name (kind)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Operational state</source>
        <translation>État opérationnel</translation>
    </message>
    <message>
        <source>Administratively up</source>
        <translation>Activée (admin)</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Porteuse</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>Adresse MAC</translation>
    </message>
    <message>
        <source>MTU</source>
        <translation>MTU</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adresses</translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <source>%1 (scope %2)</source>
        <comment>address (scope)</comment>
        <translation>%1 (portée %2)</translation>
    </message>
    <message>
        <source>Default route</source>
        <translation>Route par défaut</translation>
    </message>
    <message>
        <source>on this link, metric %1</source>
        <translation>sur cette interface, métrique %1</translation>
    </message>
    <message>
        <source>via %1, metric %2</source>
        <translation>via %1, métrique %2</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>Pont</translation>
    </message>
    <message>
        <source>Spanning tree (STP)</source>
        <translation>Spanning Tree (STP)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Port %1</source>
        <translation>Port %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>port state, link state</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>no port state</source>
        <translation>pas d&apos;état de port</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Bridge port</source>
        <translation>Port de pont</translation>
    </message>
    <message>
        <source>Port state</source>
        <translation>État du port</translation>
    </message>
    <message>
        <source>Master</source>
        <translation>Maître</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Interface paire</translation>
    </message>
    <message>
        <source>Peer index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Peer namespace</source>
        <translation>Espace de noms</translation>
    </message>
    <message>
        <source>this namespace</source>
        <translation>cet espace de noms</translation>
    </message>
    <message>
        <source>Peer name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>namespace id %1</source>
        <translation>identifiant %1</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Conteneur</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Container ID</source>
        <translation>ID du conteneur</translation>
    </message>
    <message>
        <source>Compose project</source>
        <translation>Projet Compose</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Réseaux</translation>
    </message>
    <message>
        <source>This container is no longer running.</source>
        <translation>Ce conteneur n&apos;est plus en cours d&apos;exécution.</translation>
    </message>
    <message>
        <source>Container %1</source>
        <translation>Conteneur %1</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>Namespace id</source>
        <translation>ID d&apos;espace de noms</translation>
    </message>
    <message>
        <source>Veths</source>
        <translation>Veths</translation>
    </message>
    <message>
        <source>%1, port of %2</source>
        <comment>link state, port of bridge</comment>
        <translation>%1, port de %2</translation>
    </message>
    <message>
        <source>Namespace %1</source>
        <translation>Espace de noms %1</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Espace de noms</translation>
    </message>
    <message>
        <source>Owner type</source>
        <translation>Type de propriétaire</translation>
    </message>
    <message>
        <source>Owner ID</source>
        <translation>ID du propriétaire</translation>
    </message>
    <message>
        <source>%1, peer index %2</source>
        <comment>link state, peer ifindex</comment>
        <translation>%1, index de la paire %2</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no MAC address</comment>
        <translation>aucune</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no address</comment>
        <translation>aucune</translation>
    </message>
    <message>
        <source>on</source>
        <comment>STP state</comment>
        <translation>activé</translation>
    </message>
    <message>
        <source>off</source>
        <comment>STP state</comment>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no port</comment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no compose project</comment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no network</comment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no namespace id</comment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no veth</comment>
        <translation>aucune</translation>
    </message>
</context>
<context>
    <name>Passerelle::InterfaceTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Bridge or master</source>
        <translation>Pont ou maître</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>Adresse MAC</translation>
    </message>
    <message>
        <source>MTU</source>
        <translation>MTU</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adresses</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
</context>
<context>
    <name>Passerelle::MainWindow</name>
    <message>
        <source>Passerelle</source>
        <translation>Passerelle</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graphe</translation>
    </message>
    <message>
        <source>Interfaces</source>
        <translation>Interfaces</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <source>Cannot follow the network interfaces: %1</source>
        <translation>Impossible de suivre les interfaces réseau : %1</translation>
    </message>
    <message>
        <source>Reading the network topology…</source>
        <translation>Lecture de la topologie réseau…</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Fit to Window</source>
        <translation>Ajuster à la fenêtre</translation>
    </message>
    <message>
        <source>Refresh Layout</source>
        <translation>Réorganiser</translation>
    </message>
    <message>
        <source>Lay the whole graph out again, closing the gaps left by removed nodes</source>
        <translation>Disposer à nouveau tout le graphe, en comblant les vides laissés par les nœuds supprimés</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Exporter en PNG…</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>Exporter en SVG…</translation>
    </message>
    <message>
        <source>Hide Non-Matching</source>
        <translation>Masquer les autres</translation>
    </message>
    <message>
        <source>Hide the nodes that do not match the filter instead of fading them</source>
        <translation>Masquer les nœuds qui ne correspondent pas au filtre au lieu de les estomper</translation>
    </message>
    <message>
        <source>Interface Table</source>
        <translation>Tableau des interfaces</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <source>Filter: name, MAC, address, container…</source>
        <translation>Filtre : nom, MAC, adresse, conteneur…</translation>
    </message>
    <message>
        <source>Nodes containing every word are highlighted, the others fade</source>
        <translation>Les nœuds qui contiennent tous les mots sont mis en évidence, les autres s&apos;estompent</translation>
    </message>
    <message>
        <source>Docker: connected</source>
        <translation>Docker : connecté</translation>
    </message>
    <message>
        <source>Docker: connected (API %1)</source>
        <translation>Docker : connecté (API %1)</translation>
    </message>
    <message>
        <source>Docker: connecting to %1…</source>
        <translation>Docker : connexion à %1…</translation>
    </message>
    <message>
        <source>Docker: unavailable</source>
        <translation>Docker : indisponible</translation>
    </message>
    <message>
        <source>Docker: unavailable — %1</source>
        <translation>Docker : indisponible — %1</translation>
    </message>
    <message>
        <source>Docker: not queried</source>
        <translation>Docker : non interrogé</translation>
    </message>
    <message>
        <source>%1
Endpoint: %2</source>
        <translation>%1
Point d&apos;accès : %2</translation>
    </message>
    <message>
        <source>Interfaces: %1 · Bridges: %2 · Veths: %3 · Containers: %4</source>
        <translation>Interfaces : %1 · Ponts : %2 · Veths : %3 · Conteneurs : %4</translation>
    </message>
    <message>
        <source>Export Graph as SVG</source>
        <translation>Exporter le graphe en SVG</translation>
    </message>
    <message>
        <source>Export Graph as PNG</source>
        <translation>Exporter le graphe en PNG</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>Dessins SVG (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Échec de l&apos;exportation</translation>
    </message>
    <message>
        <source>Graph saved to %1</source>
        <translation>Graphe enregistré dans %1</translation>
    </message>
</context>
<context>
    <name>Passerelle::NetlinkMonitor</name>
    <message>
        <source>Could not allocate a netlink socket: out of memory.</source>
        <translation>Impossible d&apos;allouer un socket netlink : mémoire insuffisante.</translation>
    </message>
    <message>
        <source>Could not open a netlink socket to read the network state: %1.</source>
        <translation>Impossible d&apos;ouvrir un socket netlink pour lire l&apos;état du réseau : %1.</translation>
    </message>
    <message>
        <source>Could not set up the netlink caches: %1.</source>
        <translation>Impossible de mettre en place les caches netlink : %1.</translation>
    </message>
    <message>
        <source>Could not read the network state from the kernel: %1.</source>
        <translation>Impossible de lire l&apos;état du réseau depuis le noyau : %1.</translation>
    </message>
    <message>
        <source>Could not open a netlink socket to follow network changes: %1.</source>
        <translation>Impossible d&apos;ouvrir un socket netlink pour suivre les changements du réseau : %1.</translation>
    </message>
    <message>
        <source>Could not subscribe to network changes (%1): %2.</source>
        <translation>Impossible de s&apos;abonner aux changements du réseau (%1) : %2.</translation>
    </message>
</context>
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Displays help on commandline options.</source>
        <translation>Afficher l&apos;aide des options de la ligne de commande.</translation>
    </message>
    <message>
        <source>Displays help including Qt specific options.</source>
        <translation>Afficher l&apos;aide, y compris les options propres à Qt.</translation>
    </message>
</context>
<context>
    <name>TopologyCommand</name>
    <message>
        <source>Show the host&apos;s links, bridges, veths and the containers that own them.</source>
        <translation>Affiche les interfaces, les ponts et les veths de l&apos;hôte, et les conteneurs auxquels ils appartiennent.</translation>
    </message>
    <message>
        <source>topology takes no arguments: &quot;%1&quot;</source>
        <translation>topology n&apos;accepte aucun argument : « %1 »</translation>
    </message>
    <message>
        <source>INDEX</source>
        <translation>INDEX</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>TYPE</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ÉTAT</translation>
    </message>
    <message>
        <source>MASTER</source>
        <translation>MAÎTRE</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>MTU</source>
        <translation>MTU</translation>
    </message>
    <message>
        <source>ADDRESSES</source>
        <translation>ADRESSES</translation>
    </message>
    <message>
        <source>OWNER</source>
        <translation>PROPRIÉTAIRE</translation>
    </message>
    <message>
        <source>CONTAINER ID</source>
        <translation>ID CONTENEUR</translation>
    </message>
    <message>
        <source>IMAGE</source>
        <translation>IMAGE</translation>
    </message>
    <message>
        <source>PROJECT</source>
        <translation>PROJET</translation>
    </message>
    <message>
        <source>NETWORKS</source>
        <translation>RÉSEAUX</translation>
    </message>
    <message>
        <source>LINKS</source>
        <translation>INTERFACES</translation>
    </message>
</context>
<context>
    <name>TopologyText</name>
    <message>
        <source>→ %1</source>
        <comment>a veth&apos;s far end shown elsewhere</comment>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>bridge kind and state · details</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Docker container</source>
        <translation>conteneur Docker</translation>
    </message>
    <message>
        <source>Podman container</source>
        <translation>conteneur Podman</translation>
    </message>
    <message>
        <source>Kubernetes container</source>
        <translation>conteneur Kubernetes</translation>
    </message>
    <message>
        <source>containerd container</source>
        <translation>conteneur containerd</translation>
    </message>
    <message>
        <source>LXC container</source>
        <translation>conteneur LXC</translation>
    </message>
    <message>
        <source>systemd-nspawn machine</source>
        <translation>machine systemd-nspawn</translation>
    </message>
    <message>
        <source>process</source>
        <translation>processus</translation>
    </message>
    <message>
        <source>owner unknown</source>
        <translation>propriétaire inconnu</translation>
    </message>
    <message>
        <source>namespace %1</source>
        <translation>espace de noms %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>interface kind · state</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>STP on</source>
        <translation>STP actif</translation>
    </message>
    <message>
        <source>STP off</source>
        <translation>STP inactif</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n port(s)</source>
        <comment>STP state · number of ports</comment>
        <translation>
            <numerusform>%1 · %n port</numerusform>
            <numerusform>%1 · %n ports</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>bridge details · address</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>container short id · compose project</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>état inconnu</translation>
    </message>
    <message>
        <source>bridge</source>
        <translation>pont</translation>
    </message>
    <message>
        <source>veth</source>
        <translation>veth</translation>
    </message>
    <message>
        <source>physical</source>
        <translation>physique</translation>
    </message>
    <message>
        <source>loopback</source>
        <translation>boucle locale</translation>
    </message>
    <message>
        <source>port %1</source>
        <comment>%1 is the port&apos;s STP state: forwarding, learning…</comment>
        <translation>port : %1</translation>
    </message>
    <message>
        <source>up</source>
        <comment>interface state</comment>
        <translation>active</translation>
    </message>
    <message>
        <source>no carrier</source>
        <comment>interface state</comment>
        <translation>pas de porteuse</translation>
    </message>
    <message>
        <source>down</source>
        <comment>interface state</comment>
        <translation>inactive</translation>
    </message>
    <message>
        <source>disabled</source>
        <comment>bridge port state</comment>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>listening</source>
        <comment>bridge port state</comment>
        <translation>écoute</translation>
    </message>
    <message>
        <source>learning</source>
        <comment>bridge port state</comment>
        <translation>apprentissage</translation>
    </message>
    <message>
        <source>forwarding</source>
        <comment>bridge port state</comment>
        <translation>transmission</translation>
    </message>
    <message>
        <source>blocking</source>
        <comment>bridge port state</comment>
        <translation>blocage</translation>
    </message>
</context>
<context>
    <name>WhoOwnsCommand</name>
    <message>
        <source>no such container: %1 (Docker is not reachable: %2)</source>
        <translation>conteneur introuvable : %1 (Docker est injoignable : %2)</translation>
    </message>
    <message>
        <source>no such container: %1</source>
        <translation>conteneur introuvable : %1</translation>
    </message>
    <message>
        <source>%1 has no link in this namespace (network mode host or none?)
</source>
        <translation>%1 n&apos;a aucune interface dans cet espace de noms (mode réseau host ou none ?)
</translation>
    </message>
    <message>
        <source>%1: %2, port of %3
</source>
        <translation>%1 : %2, port de %3
</translation>
    </message>
    <message>
        <source>%1: %2
</source>
        <translation>%1 : %2
</translation>
    </message>
    <message>
        <source>cannot find device &quot;%1&quot;</source>
        <translation>interface « %1 » introuvable</translation>
    </message>
    <message>
        <source>%1: its peer %2 is in this namespace
</source>
        <translation>%1 : sa paire %2 est dans cet espace de noms
</translation>
    </message>
    <message>
        <source>%1: not connected to another namespace
</source>
        <translation>%1 : n&apos;est reliée à aucun autre espace de noms
</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Show who holds the far end of a veth, or the veths of a container.</source>
        <translation>Affiche qui détient l&apos;autre extrémité d&apos;une veth, ou les veths d&apos;un conteneur.</translation>
    </message>
    <message>
        <source>Show the host-side links of this container.</source>
        <translation>Afficher les interfaces côté hôte de ce conteneur.</translation>
    </message>
    <message>
        <source>NAME|ID</source>
        <translation>NOM|ID</translation>
    </message>
    <message>
        <source>A host-side interface, such as a container&apos;s veth.</source>
        <translation>Une interface côté hôte, comme la veth d&apos;un conteneur.</translation>
    </message>
    <message>
        <source>usage: passerellectl who-owns IFNAME | --container NAME|ID</source>
        <translation>utilisation : passerellectl who-owns IFNAME | --container NOM|ID</translation>
    </message>
    <message>
        <source>--container needs Docker; it cannot be used with --no-docker</source>
        <translation>--container a besoin de Docker ; il ne peut pas être utilisé avec --no-docker</translation>
    </message>
    <message>
        <source>%1: %2, image %3</source>
        <translation>%1 : %2, image %3</translation>
    </message>
</context>
</TS>
