<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>BridgeCommand</name>
    <message>
        <source>create, delete, add-port, remove-port or stp.</source>
        <translation>create, delete, add-port, remove-port ou stp.</translation>
    </message>
    <message>
        <source>--stp takes on or off</source>
        <translation>--stp attend on ou off</translation>
    </message>
    <message>
        <source>SUBCOMMAND</source>
        <translation>ACTION</translation>
    </message>
    <message>
        <source>usage: passerellectl bridge create NAME [--stp on|off]
       passerellectl bridge delete NAME
       passerellectl bridge add-port BRIDGE PORT [--keep-addresses] [--stp on|off]
       passerellectl bridge remove-port BRIDGE PORT
       passerellectl bridge stp BRIDGE on|off
       (each also takes --confirm-timeout SECONDS and --dry-run)</source>
        <translation>utilisation : passerellectl bridge create NOM [--stp on|off]
              passerellectl bridge delete NOM
              passerellectl bridge add-port PONT PORT [--keep-addresses] [--stp on|off]
              passerellectl bridge remove-port PONT PORT
              passerellectl bridge stp PONT on|off
              (chacune accepte aussi --confirm-timeout SECONDES et --dry-run)</translation>
    </message>
    <message>
        <source>Create and delete bridges and change their ports. passerelle-helper makes the change once polkit authorizes it, which may ask for a password, and undoes all of it if a step fails.

  create NAME [--stp on|off]     A new bridge, down; STP off unless asked
  delete NAME                    Delete a bridge; its ports are released, and get back the
                                 addresses and routes add-port moved onto the bridge
  add-port BRIDGE PORT           Bridge PORT into BRIDGE: BRIDGE is created when missing (with
                                 PORT&apos;s MAC address), PORT&apos;s addresses and routes (the default
                                 route included) move onto BRIDGE, both are brought up
  add-port ... --keep-addresses  The same, but PORT keeps its addresses and routes; as a
                                 port it can no longer use them, so the host usually loses
                                 the network it had through PORT
  remove-port BRIDGE PORT        Release PORT from BRIDGE
  stp BRIDGE on|off              Turn the Spanning Tree Protocol on or off

A change to the link of the default route or of a remote session (SSH, VNC) is undone after 60 seconds unless &quot;passerellectl confirm&quot; keeps it.</source>
        <translation>Crée et supprime des ponts et modifie leurs ports. passerelle-helper effectue la modification une fois que polkit l&apos;autorise, ce qui peut demander un mot de passe, et l&apos;annule entièrement si une étape échoue.

  create NOM [--stp on|off]      Un nouveau pont, inactif ; STP désactivé sauf demande
  delete NOM                     Supprimer un pont ; ses ports sont libérés et récupèrent les
                                 adresses et les routes que add-port avait déplacées sur le pont
  add-port PONT PORT             Intégrer PORT au pont PONT : PONT est créé s&apos;il n&apos;existe pas
                                 (avec l&apos;adresse MAC de PORT), les adresses et les routes de PORT
                                 (route par défaut comprise) passent sur PONT, les deux sont activés
  add-port ... --keep-addresses  Idem, mais PORT garde ses adresses et ses routes ; devenu port,
                                 il ne peut plus s&apos;en servir, si bien que l&apos;hôte perd en général
                                 le réseau auquel il accédait par PORT
  remove-port PONT PORT          Retirer PORT de PONT
  stp PONT on|off                Activer ou désactiver le Spanning Tree Protocol

Une modification de l&apos;interface de la route par défaut ou d&apos;une session à distance (SSH, VNC) est annulée au bout de 60 secondes, sauf si « passerellectl confirm » la conserve.</translation>
    </message>
    <message>
        <source>With create, or add-port when it creates the bridge: run the Spanning Tree Protocol (default off).</source>
        <translation>Avec create, ou add-port quand il crée le pont : activer le Spanning Tree Protocol (désactivé par défaut).</translation>
    </message>
    <message>
        <source>With add-port: leave PORT&apos;s addresses and routes on it instead of moving them onto BRIDGE.</source>
        <translation>Avec add-port : laisser à PORT ses adresses et ses routes au lieu de les déplacer sur PONT.</translation>
    </message>
    <message>
        <source>--stp is only for &quot;bridge create&quot; and &quot;bridge add-port&quot;; use &quot;bridge stp BRIDGE on|off&quot;</source>
        <translation>--stp ne s&apos;utilise qu&apos;avec « bridge create » et « bridge add-port » ; utilisez « bridge stp PONT on|off »</translation>
    </message>
    <message>
        <source>--keep-addresses is only for &quot;bridge add-port&quot;</source>
        <translation>--keep-addresses ne s&apos;utilise qu&apos;avec « bridge add-port »</translation>
    </message>
</context>
<context>
    <name>ChangeErrorDialog</name>
    <message>
        <source>Cannot keep the changes</source>
        <translation>Impossible de conserver les modifications</translation>
    </message>
    <message>
        <source>Cannot revert the changes</source>
        <translation>Impossible d&apos;annuler les modifications</translation>
    </message>
    <message>
        <source>Cannot give more time to decide</source>
        <translation>Impossible de prolonger le délai de décision</translation>
    </message>
    <message>
        <source>Cannot bridge %1 into %2</source>
        <translation>Impossible d&apos;ajouter %1 au pont %2</translation>
    </message>
    <message>
        <source>Cannot create the bridge %1</source>
        <translation>Impossible de créer le pont %1</translation>
    </message>
    <message>
        <source>Cannot delete the bridge %1</source>
        <translation>Impossible de supprimer le pont %1</translation>
    </message>
    <message>
        <source>Cannot add %1 to %2</source>
        <translation>Impossible d&apos;ajouter %1 à %2</translation>
    </message>
    <message>
        <source>Cannot remove %1 from %2</source>
        <translation>Impossible de retirer %1 de %2</translation>
    </message>
    <message>
        <source>Cannot bring %1 up</source>
        <translation>Impossible d&apos;activer %1</translation>
    </message>
    <message>
        <source>Cannot bring %1 down</source>
        <translation>Impossible de désactiver %1</translation>
    </message>
    <message>
        <source>Cannot turn STP on for %1</source>
        <translation>Impossible d&apos;activer STP sur %1</translation>
    </message>
    <message>
        <source>Cannot turn STP off for %1</source>
        <translation>Impossible de désactiver STP sur %1</translation>
    </message>
    <message>
        <source>Cannot set Docker up on %1</source>
        <translation>Impossible de configurer Docker sur %1</translation>
    </message>
    <message>
        <source>Cannot expose containers on the network of %1</source>
        <translation>Impossible d&apos;exposer les conteneurs sur le réseau de %1</translation>
    </message>
    <message>
        <source>Cannot give Docker its own docker0 back</source>
        <translation>Impossible de rendre à Docker son propre docker0</translation>
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
    <message>
        <source>With --json, indent the output for people.</source>
        <translation>Avec --json, indenter la sortie pour la lecture.</translation>
    </message>
</context>
<context>
    <name>DockerCommand</name>
    <message>
        <source>usage: passerellectl docker use-bridge BRIDGE [--fixed-cidr CIDR] [--default-gateway IP]
           [--mode default-bridge|network] [--network NAME] [--no-restart] [--persist|--no-persist]
           [--move-options] [--allow-forwarding] [--dry-run]
       passerellectl docker reset-bridge [--network NAME] [--move-options] [--no-restart] [--dry-run]
       passerellectl docker status [--json]</source>
        <translation>utilisation : passerellectl docker use-bridge PONT [--fixed-cidr CIDR] [--default-gateway IP]
                  [--mode default-bridge|network] [--network NOM] [--no-restart] [--persist|--no-persist]
                  [--move-options] [--allow-forwarding] [--dry-run]
              passerellectl docker reset-bridge [--network NOM] [--move-options] [--no-restart] [--dry-run]
              passerellectl docker status [--json]</translation>
    </message>
    <message>
        <source>Docker&apos;s default bridge: %1 (as the running daemon reports it)
</source>
        <translation>Pont par défaut de Docker : %1 (d&apos;après le démon en cours d&apos;exécution)
</translation>
    </message>
    <message>
        <source>Docker&apos;s default bridge: unknown (Docker does not answer)
</source>
        <translation>Pont par défaut de Docker : inconnu (Docker ne répond pas)
</translation>
    </message>
    <message>
        <source>SETTING</source>
        <translation>PARAMÈTRE</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>VALEUR</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>SOURCE</translation>
    </message>
    <message>
        <source>No network setting of Docker&apos;s is set in its configuration: Docker uses docker0.
</source>
        <translation>Aucun paramètre réseau n&apos;est défini dans la configuration de Docker : Docker utilise docker0.
</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 dans %2</translation>
    </message>
    <message>
        <source>Conflict: %1 is set in more than one place (%2): dockerd would refuse to start
</source>
        <translation>Conflit : %1 est défini à plusieurs endroits (%2) : dockerd refuserait de démarrer
</translation>
    </message>
    <message>
        <source>Restart: through systemd (%1)
</source>
        <translation>Redémarrage : par systemd (%1)
</translation>
    </message>
    <message>
        <source>Restart: with the init script (%1)
</source>
        <translation>Redémarrage : par le script d&apos;init (%1)
</translation>
    </message>
    <message>
        <source>Restart: with the command %1
</source>
        <translation>Redémarrage : par la commande %1
</translation>
    </message>
    <message>
        <source>Restart: %1 (%2)
</source>
        <translation>Redémarrage : %1 (%2)
</translation>
    </message>
    <message>
        <source>Show the bridge Docker&apos;s default network uses, the network settings of Docker&apos;s configuration and where each comes from, conflicts (the same setting in two places, which stops dockerd from starting), how passerelle-helper restarts Docker and which network stack gets the permanent configuration. Needs no authorization.</source>
        <translation>Affiche le pont qu&apos;utilise le réseau par défaut de Docker, les paramètres réseau de la configuration de Docker et l&apos;origine de chacun, les conflits (le même paramètre à deux endroits, ce qui empêche dockerd de démarrer), la façon dont passerelle-helper redémarre Docker et la pile réseau qui reçoit la configuration permanente. Ne demande aucune autorisation.</translation>
    </message>
    <message>
        <source>Print JSON instead of text.</source>
        <translation>Afficher du JSON plutôt que du texte.</translation>
    </message>
    <message>
        <source>With --json, indent the output for people.</source>
        <translation>Avec --json, indenter la sortie pour la lecture.</translation>
    </message>
    <message>
        <source>passerellectl: warning: %1 cannot be read (%2)</source>
        <translation>passerellectl: avertissement : impossible de lire %1 (%2)</translation>
    </message>
    <message>
        <source>Put Docker&apos;s default network on BRIDGE, an existing bridge of the LAN (br0 with em1 as a port), so that new containers get addresses on the LAN. passerelle-helper checks the bridge and the addresses, rewrites daemon.json (keeping every other setting, with a backup), restarts Docker and waits until it answers again; if Docker does not come back, the previous configuration is restored. polkit may ask for a password.

Containers are then directly reachable from the LAN: their network security is yours to ensure.</source>
        <translation>Place le réseau par défaut de Docker sur PONT, un pont existant du réseau local (br0 avec em1 comme port), pour que les nouveaux conteneurs reçoivent des adresses du réseau local. passerelle-helper vérifie le pont et les adresses, réécrit daemon.json (en conservant tous les autres paramètres, avec une sauvegarde), redémarre Docker et attend qu&apos;il réponde de nouveau ; si Docker ne revient pas, la configuration précédente est rétablie. polkit peut demander un mot de passe.

Les conteneurs sont alors directement joignables depuis le réseau local : leur sécurité réseau est à votre charge.</translation>
    </message>
    <message>
        <source>Write the configuration but do not restart Docker (it then takes the new settings at its next start).</source>
        <translation>Écrire la configuration sans redémarrer Docker (il prendra les nouveaux paramètres à son prochain démarrage).</translation>
    </message>
    <message>
        <source>BRIDGE</source>
        <translation>PONT</translation>
    </message>
    <message>
        <source>The bridge, such as br0.</source>
        <translation>Le pont, par exemple br0.</translation>
    </message>
    <message>
        <source>Give Docker its own docker0 back: passerelle-helper removes bridge, fixed-cidr and default-gateway from daemon.json (keeping every other setting, with a backup), restarts Docker and waits until it answers again. polkit may ask for a password.</source>
        <translation>Rend à Docker son propre docker0 : passerelle-helper retire bridge, fixed-cidr et default-gateway de daemon.json (en conservant tous les autres paramètres, avec une sauvegarde), redémarre Docker et attend qu&apos;il réponde de nouveau. polkit peut demander un mot de passe.</translation>
    </message>
    <message>
        <source>Also remove the Docker network NAME (made by use-bridge --mode network).</source>
        <translation>Supprimer aussi le réseau Docker NOM (créé par use-bridge --mode network).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>Move -b, --bip and the like from DOCKER_OPTS or docker.service into daemon.json instead of stopping at the conflict.</source>
        <translation>Déplacer -b, --bip et les options semblables de DOCKER_OPTS ou de docker.service vers daemon.json au lieu de s&apos;arrêter au conflit.</translation>
    </message>
    <message>
        <source>Write the configuration but do not restart Docker.</source>
        <translation>Écrire la configuration sans redémarrer Docker.</translation>
    </message>
    <message>
        <source>--network takes a Docker network name (letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;), not &quot;%1&quot;</source>
        <translation>--network attend un nom de réseau Docker (lettres, chiffres, « _ », « . » et « - »), pas « %1 »</translation>
    </message>
    <message>
        <source>The part of the bridge&apos;s subnet containers take addresses from, such as 192.168.7.128/25, so that they stay out of the LAN&apos;s DHCP pool (default: the whole subnet).</source>
        <translation>La partie du sous-réseau du pont où les conteneurs prennent leurs adresses, par exemple 192.168.7.128/25, pour qu&apos;ils restent hors de la plage DHCP du réseau local (par défaut : tout le sous-réseau).</translation>
    </message>
    <message>
        <source>CIDR</source>
        <translation>CIDR</translation>
    </message>
    <message>
        <source>The containers&apos; gateway, inside the subnet: the LAN&apos;s router (default: the bridge&apos;s own address).</source>
        <translation>La passerelle des conteneurs, dans le sous-réseau : le routeur du réseau local (par défaut : l&apos;adresse du pont lui-même).</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>default-bridge: Docker&apos;s default network uses the bridge (daemon.json, then a restart of Docker; the default). network: a user-defined Docker network on the bridge, created through the Engine API, without a restart.</source>
        <translation>default-bridge (par défaut) : le réseau par défaut de Docker utilise le pont (daemon.json, puis un redémarrage de Docker). network : un réseau Docker défini par l&apos;utilisateur sur le pont, créé par l&apos;API Engine, sans redémarrage.</translation>
    </message>
    <message>
        <source>With --mode network: the Docker network&apos;s name (default: the bridge&apos;s name).</source>
        <translation>Avec --mode network : le nom du réseau Docker (par défaut : le nom du pont).</translation>
    </message>
    <message>
        <source>Change only the running system: after a reboot the bridge is gone.</source>
        <translation>Ne modifier que le système en cours d&apos;exécution : après un redémarrage, le pont a disparu.</translation>
    </message>
    <message>
        <source>Change only the running system (the default).</source>
        <translation>Ne modifier que le système en cours d&apos;exécution (par défaut).</translation>
    </message>
    <message>
        <source>Move the bridge options Docker also takes from DOCKER_OPTS or its unit&apos;s command line into daemon.json, instead of stopping at the conflict.</source>
        <translation>Déplacer vers daemon.json les options de pont que Docker prend aussi dans DOCKER_OPTS ou dans la ligne de commande de son unité, au lieu de s&apos;arrêter au conflit.</translation>
    </message>
    <message>
        <source>When the firewall would drop traffic between the LAN and the containers, accept traffic within the bridge (a rule in Docker&apos;s DOCKER-USER chain).</source>
        <translation>Si le pare-feu bloque le trafic entre le réseau local et les conteneurs, accepter le trafic à l&apos;intérieur du pont (une règle dans la chaîne DOCKER-USER de Docker).</translation>
    </message>
    <message>
        <source>--fixed-cidr takes an IPv4 subnet such as 192.168.7.128/25, not &quot;%1&quot;</source>
        <translation>--fixed-cidr attend un sous-réseau IPv4 comme 192.168.7.128/25, pas « %1 »</translation>
    </message>
    <message>
        <source>--default-gateway takes an IPv4 address such as 192.168.7.254, not &quot;%1&quot;</source>
        <translation>--default-gateway attend une adresse IPv4 comme 192.168.7.254, pas « %1 »</translation>
    </message>
    <message>
        <source>--mode takes default-bridge or network, not &quot;%1&quot;</source>
        <translation>--mode attend default-bridge ou network, pas « %1 »</translation>
    </message>
    <message>
        <source>--network is only for --mode network</source>
        <translation>--network ne s&apos;utilise qu&apos;avec --mode network</translation>
    </message>
    <message>
        <source>--persist and --no-persist exclude each other</source>
        <translation>--persist et --no-persist s&apos;excluent mutuellement</translation>
    </message>
    <message>
        <source>Docker&apos;s default network on a bridge of the LAN.

  use-bridge BRIDGE   Docker&apos;s default network on BRIDGE (daemon.json, then a restart of Docker)
  reset-bridge        Docker&apos;s own docker0 again
  status [--json]     The bridge Docker uses and where each setting comes from

Run &apos;passerellectl docker SUBCOMMAND --help&apos; for the options of each.</source>
        <translation>Le réseau par défaut de Docker sur un pont du réseau local.

  use-bridge PONT   Le réseau par défaut de Docker sur PONT (daemon.json, puis un redémarrage de Docker)
  reset-bridge      Rendre à Docker son propre docker0
  status [--json]   Le pont qu&apos;utilise Docker et l&apos;origine de chaque paramètre

Lancez « passerellectl docker ACTION --help » pour les options de chacune.</translation>
    </message>
    <message>
        <source>SUBCOMMAND</source>
        <translation>ACTION</translation>
    </message>
    <message>
        <source>use-bridge, reset-bridge or status.</source>
        <translation>use-bridge, reset-bridge ou status.</translation>
    </message>
    <message>
        <source>Done: the Docker network %1 on bridge %2 is ready.</source>
        <translation>C&apos;est fait : le réseau Docker %1 sur le pont %2 est prêt.</translation>
    </message>
    <message>
        <source>Done: the Docker network %1 was already on bridge %2.</source>
        <translation>C&apos;est fait : le réseau Docker %1 était déjà sur le pont %2.</translation>
    </message>
    <message>
        <source>Done: Docker&apos;s default bridge is %1.</source>
        <translation>C&apos;est fait : le pont par défaut de Docker est %1.</translation>
    </message>
    <message>
        <source>Done: Docker&apos;s default bridge is %1 from Docker&apos;s next start.</source>
        <translation>C&apos;est fait : le pont par défaut de Docker sera %1 à son prochain démarrage.</translation>
    </message>
    <message>
        <source>Done: daemon.json already named %1 as Docker&apos;s default bridge.</source>
        <translation>C&apos;est fait : daemon.json désignait déjà %1 comme pont par défaut de Docker.</translation>
    </message>
    <message>
        <source>Done: Docker uses its own docker0 again.</source>
        <translation>C&apos;est fait : Docker utilise de nouveau son propre docker0.</translation>
    </message>
    <message>
        <source>Done: Docker uses its own docker0 again from its next start.</source>
        <translation>C&apos;est fait : Docker utilisera de nouveau son propre docker0 à son prochain démarrage.</translation>
    </message>
    <message>
        <source>Done: daemon.json already left Docker its own docker0.</source>
        <translation>C&apos;est fait : daemon.json laissait déjà à Docker son propre docker0.</translation>
    </message>
    <message>
        <source>live-restore: off (Docker&apos;s default): a restart of Docker stops the running containers
</source>
        <translation>live-restore : désactivé (valeur par défaut de Docker) : un redémarrage de Docker arrête les conteneurs en cours d&apos;exécution
</translation>
    </message>
    <message>
        <source>Permanent configuration: none is written ([persist] backend of %1)
</source>
        <translation>Configuration permanente : aucune n&apos;est écrite (backend [persist] de %1)
</translation>
    </message>
    <message>
        <source>Permanent configuration goes to: the network stack that manages the port (auto, the [persist] backend of %1)
</source>
        <translation>La configuration permanente va à : la pile réseau qui gère le port (auto, le backend [persist] de %1)
</translation>
    </message>
    <message>
        <source>Permanent configuration goes to: %1 (the [persist] backend of %2)
</source>
        <translation>La configuration permanente va à : %1 (le backend [persist] de %2)
</translation>
    </message>
    <message>
        <source>Nothing to change: Docker&apos;s default bridge already is %1.</source>
        <translation>Rien à changer : le pont par défaut de Docker est déjà %1.</translation>
    </message>
    <message>
        <source>Nothing to change: Docker already uses its own docker0.</source>
        <translation>Rien à changer : Docker utilise déjà son propre docker0.</translation>
    </message>
    <message>
        <source>Make the bridge and its port permanent for the network stack that manages the host, and where systemd runs Docker, make it wait for the bridge at boot (the default).</source>
        <translation>Rendre le pont et son port permanents pour la pile réseau qui gère l&apos;hôte et, là où systemd lance Docker, faire en sorte que Docker attende le pont au démarrage (par défaut).</translation>
    </message>
    <message>
        <source>Make the bridge and its port permanent for the network stack that manages the host, and where systemd runs Docker, make it wait for the bridge at boot. Without it, the bridge is gone after a reboot.</source>
        <translation>Rendre le pont et son port permanents pour la pile réseau qui gère l&apos;hôte et, là où systemd lance Docker, faire en sorte que Docker attende le pont au démarrage. Sans cette option, le pont disparaît au redémarrage.</translation>
    </message>
    <message>
        <source>--fixed-cidr %1 has host bits set: did you mean %2?</source>
        <translation>--fixed-cidr %1 a des bits d&apos;hôte non nuls : vouliez-vous dire %2 ?</translation>
    </message>
</context>
<context>
    <name>ExposeCheck</name>
    <message>
        <source>Enter a name for the bridge, such as br0.</source>
        <translation>Saisissez un nom pour le pont, par exemple br0.</translation>
    </message>
    <message>
        <source>A bridge&apos;s name has at most 15 characters.</source>
        <translation>Le nom d&apos;un pont compte au plus 15 caractères.</translation>
    </message>
    <message>
        <source>A bridge&apos;s name may only hold letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>Le nom d&apos;un pont ne peut contenir que des lettres, des chiffres, « . », « - » et « _ ».</translation>
    </message>
    <message>
        <source>%1 is already the name of an interface that is not a bridge.</source>
        <translation>%1 est déjà le nom d&apos;une interface qui n&apos;est pas un pont.</translation>
    </message>
    <message>
        <source>Enter the containers&apos; range: without one, Docker hands out addresses from the whole network, over those of other machines.</source>
        <translation>Saisissez la plage d&apos;adresses des conteneurs : sans elle, Docker distribue des adresses de tout le réseau, par-dessus celles des autres machines.</translation>
    </message>
    <message>
        <source>%1 is not an IPv4 range: write an address, a slash and a prefix length, such as 192.168.1.192/26.</source>
        <translation>%1 n&apos;est pas une plage IPv4 : écrivez une adresse, une barre oblique et une longueur de préfixe, par exemple 192.168.1.192/26.</translation>
    </message>
    <message>
        <source>%1 does not start a range of /%2: did you mean %3?</source>
        <translation>%1 n&apos;est pas le début d&apos;une plage en /%2 : vouliez-vous dire %3 ?</translation>
    </message>
    <message>
        <source>%1 is not inside the network %2 of %3.</source>
        <translation>%1 n&apos;est pas dans le réseau %2 de %3.</translation>
    </message>
    <message>
        <source>%1 holds too few addresses for containers.</source>
        <translation>%1 contient trop peu d&apos;adresses pour des conteneurs.</translation>
    </message>
    <message>
        <source>%1 holds this host&apos;s own address %2: Docker could give it to a container.</source>
        <translation>%1 contient l&apos;adresse %2 de cet hôte : Docker pourrait l&apos;attribuer à un conteneur.</translation>
    </message>
    <message>
        <source>%1 holds the gateway&apos;s address %2: Docker could give it to a container.</source>
        <translation>%1 contient l&apos;adresse %2 de la passerelle : Docker pourrait l&apos;attribuer à un conteneur.</translation>
    </message>
    <message>
        <source>%1 is not an IPv4 address, such as 192.168.1.1.</source>
        <translation>%1 n&apos;est pas une adresse IPv4 (par exemple 192.168.1.1).</translation>
    </message>
    <message>
        <source>%1 is the network&apos;s own address or its broadcast address, not a machine&apos;s.</source>
        <translation>%1 est l&apos;adresse du réseau lui-même ou son adresse de diffusion, pas celle d&apos;une machine.</translation>
    </message>
    <message>
        <source>%1 lies inside the containers&apos; range %2: a container could get the gateway&apos;s address.</source>
        <translation>%1 se trouve dans la plage des conteneurs %2 : un conteneur pourrait recevoir l&apos;adresse de la passerelle.</translation>
    </message>
</context>
<context>
    <name>ExposeCommand</name>
    <message>
        <source>usage: passerellectl expose PORT --bridge BRIDGE [--fixed-cidr CIDR] [--default-gateway IP]
           [--mode default-bridge|network] [--network NAME] [--persist|--no-persist] [--move-options]
           [--allow-forwarding] [--confirm-timeout SECONDS] [--dry-run]</source>
        <translation>utilisation : passerellectl expose PORT --bridge PONT [--fixed-cidr CIDR] [--default-gateway IP]
                  [--mode default-bridge|network] [--network NOM] [--persist|--no-persist] [--move-options]
                  [--allow-forwarding] [--confirm-timeout SECONDES] [--dry-run]</translation>
    </message>
    <message>
        <source>Expose containers on the physical network, in one change: PORT (em1) is bridged into BRIDGE (br0, created when missing) with its addresses and routes, which waits for confirmation; &quot;passerellectl confirm&quot; keeps it, and only then is Docker&apos;s default network put on BRIDGE and Docker restarted. Without confirmation, all of it is put back and Docker is never touched. The bridge is made permanent unless --no-persist. polkit may ask for a password.

Containers are then directly reachable from the LAN: their network security is yours to ensure.</source>
        <translation>Expose les conteneurs sur le réseau physique, en une seule modification : PORT (em1) est intégré au pont PONT (br0, créé s&apos;il n&apos;existe pas) avec ses adresses et ses routes, et la modification attend une confirmation ; « passerellectl confirm » la conserve, et c&apos;est seulement alors que le réseau par défaut de Docker est placé sur PONT et que Docker est redémarré. Sans confirmation, tout est remis en place et Docker n&apos;est jamais touché. Le pont est rendu permanent, sauf avec --no-persist. polkit peut demander un mot de passe.

Les conteneurs sont alors directement joignables depuis le réseau local : leur sécurité réseau est à votre charge.</translation>
    </message>
    <message>
        <source>The bridge to bridge PORT into (required), such as br0.</source>
        <translation>Le pont auquel intégrer PORT (obligatoire), par exemple br0.</translation>
    </message>
    <message>
        <source>BRIDGE</source>
        <translation>PONT</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>PORT</translation>
    </message>
    <message>
        <source>The physical port that carries the LAN, such as em1.</source>
        <translation>Le port physique relié au réseau local, par exemple em1.</translation>
    </message>
    <message>
        <source>The network part is done: %1 is bridged into %2.
</source>
        <translation>La partie réseau est faite : %1 est intégré au pont %2.
</translation>
    </message>
    <message numerus="yes">
        <source>It is undone in %n second(s) unless you keep it with:
</source>
        <translation>
            <numerusform>La modification sera annulée dans %n seconde, sauf si vous la conservez avec :
</numerusform>
            <numerusform>La modification sera annulée dans %n secondes, sauf si vous la conservez avec :
</numerusform>
        </translation>
    </message>
    <message>
        <source>It is undone unless you keep it with:
</source>
        <translation>La modification sera annulée, sauf si vous la conservez avec :
</translation>
    </message>
    <message>
        <source>Without confirmation, all of it is put back and Docker is never touched.
</source>
        <translation>Sans confirmation, tout est remis en place et Docker n&apos;est jamais touché.
</translation>
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
    <message>
        <source>passerelle: unsupported language &quot;%1&quot; for --lang (supported: %2)</source>
        <translation>passerelle: langue « %1 » non prise en charge pour --lang (langues prises en charge : %2)</translation>
    </message>
</context>
<context>
    <name>HelperCall</name>
    <message>
        <source>Undo the change after SECONDS unless &quot;passerellectl confirm&quot; comes first.</source>
        <translation>Annuler la modification au bout de SECONDES, sauf si « passerellectl confirm » arrive avant.</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDES</translation>
    </message>
    <message>
        <source>Print what would change, step by step, and change nothing.</source>
        <translation>Afficher ce qui changerait, étape par étape, sans rien modifier.</translation>
    </message>
    <message>
        <source>--confirm-timeout takes a number of seconds from 1 to %1</source>
        <translation>--confirm-timeout attend un nombre de secondes de 1 à %1</translation>
    </message>
    <message>
        <source>Nothing would change.
</source>
        <translation>Rien ne changerait.
</translation>
    </message>
    <message>
        <source>passerellectl: --move-options moves it into daemon.json instead</source>
        <translation>passerellectl: --move-options le déplace plutôt vers daemon.json</translation>
    </message>
    <message>
        <source>Once confirmed:
</source>
        <translation>Une fois la modification confirmée :
</translation>
    </message>
    <message>
        <source>passerellectl: warning: %1</source>
        <translation>passerellectl: avertissement : %1</translation>
    </message>
    <message>
        <source>Bridge %1 created.</source>
        <translation>Pont %1 créé.</translation>
    </message>
    <message>
        <source>Bridge %1 deleted.</source>
        <translation>Pont %1 supprimé.</translation>
    </message>
    <message>
        <source>%2 is a port of bridge %1, its addresses and routes moved onto %1.</source>
        <translation>%2 est un port du pont %1, ses adresses et ses routes ont été déplacées sur %1.</translation>
    </message>
    <message>
        <source>%2 is a port of bridge %1, its addresses left on it.</source>
        <translation>%2 est un port du pont %1, ses adresses lui ont été laissées.</translation>
    </message>
    <message>
        <source>%2 released from bridge %1.</source>
        <translation>%2 retiré du pont %1.</translation>
    </message>
    <message>
        <source>STP is on for bridge %1.</source>
        <translation>STP est activé sur le pont %1.</translation>
    </message>
    <message>
        <source>STP is off for bridge %1.</source>
        <translation>STP est désactivé sur le pont %1.</translation>
    </message>
    <message>
        <source>%1 is up.</source>
        <translation>%1 est active.</translation>
    </message>
    <message>
        <source>%1 is down.</source>
        <translation>%1 est inactive.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>C&apos;est fait.</translation>
    </message>
    <message numerus="yes">
        <source>Applied, on trial: it is undone in %n second(s) unless you keep it with:
  passerellectl confirm %1
</source>
        <translation>
            <numerusform>Appliqué, à l&apos;essai : la modification sera annulée dans %n seconde, sauf si vous la conservez avec :
  passerellectl confirm %1
</numerusform>
            <numerusform>Appliqué, à l&apos;essai : la modification sera annulée dans %n secondes, sauf si vous la conservez avec :
  passerellectl confirm %1
</numerusform>
        </translation>
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
    <message>
        <source>another change is being made or waits for confirmation; try again once it is over</source>
        <translation>une autre modification est en cours ou attend une confirmation ; réessayez quand elle sera terminée</translation>
    </message>
    <message>
        <source>no change of yours with the handle &quot;%1&quot; waits for confirmation</source>
        <translation>aucune de vos modifications portant l&apos;identifiant « %1 » n&apos;attend de confirmation</translation>
    </message>
    <message>
        <source>%1 seconds is not a valid confirmation time (1 to 3600)</source>
        <translation>%1 secondes n&apos;est pas un délai de confirmation valable (de 1 à 3600)</translation>
    </message>
    <message>
        <source>the helper has no change called &quot;%1&quot;</source>
        <translation>le service auxiliaire ne connaît aucune modification nommée « %1 »</translation>
    </message>
    <message>
        <source>the arguments given for &quot;%1&quot; are not valid</source>
        <translation>les arguments donnés pour « %1 » ne sont pas valables</translation>
    </message>
    <message>
        <source>the helper does not accept the option &quot;%1&quot; (is it older than this program?)</source>
        <translation>le service auxiliaire n&apos;accepte pas l&apos;option « %1 » (est-il plus ancien que ce programme ?)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid IPv4 subnet for the container addresses</source>
        <translation>« %1 » n&apos;est pas un sous-réseau IPv4 valide pour les adresses des conteneurs</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid IPv4 address for the containers&apos; gateway</source>
        <translation>« %1 » n&apos;est pas une adresse IPv4 valide pour la passerelle des conteneurs</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mode the helper knows (default-bridge or network)</source>
        <translation>« %1 » n&apos;est pas un mode connu du service auxiliaire (default-bridge ou network)</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (line %2, column %3: %4); it was left as it was</source>
        <translation>%1 n&apos;est pas du JSON valide (ligne %2, colonne %3 : %4) ; il a été laissé tel quel</translation>
    </message>
    <message>
        <source>%1 is a symbolic link; the helper never writes through a link</source>
        <translation>%1 est un lien symbolique ; le service auxiliaire n&apos;écrit jamais à travers un lien</translation>
    </message>
    <message>
        <source>%1 is not a regular file; the helper only replaces regular files</source>
        <translation>%1 n&apos;est pas un fichier ordinaire ; le service auxiliaire ne remplace que des fichiers ordinaires</translation>
    </message>
    <message>
        <source>%1 cannot be written safely (%2)</source>
        <translation>%1 ne peut pas être écrit sans risque (%2)</translation>
    </message>
    <message>
        <source>Docker also takes %2 %3 from %1, and with both dockerd would refuse to start; nothing was changed</source>
        <translation>Docker prend aussi %2 %3 dans %1, et avec les deux, dockerd refuserait de démarrer ; rien n&apos;a été modifié</translation>
    </message>
    <message>
        <source>the gateway %1 cannot be checked: the bridge has no IPv4 address</source>
        <translation>la passerelle %1 ne peut pas être vérifiée : le pont n&apos;a pas d&apos;adresse IPv4</translation>
    </message>
    <message>
        <source>the container address range %1 cannot be checked: the bridge has no IPv4 address</source>
        <translation>la plage d&apos;adresses des conteneurs %1 ne peut pas être vérifiée : le pont n&apos;a pas d&apos;adresse IPv4</translation>
    </message>
    <message>
        <source>the gateway %1 is not inside the bridge&apos;s subnet (%2)</source>
        <translation>la passerelle %1 n&apos;est pas dans le sous-réseau du pont (%2)</translation>
    </message>
    <message>
        <source>the container address range %1 is not inside the bridge&apos;s subnet (%2)</source>
        <translation>la plage d&apos;adresses des conteneurs %1 n&apos;est pas dans le sous-réseau du pont (%2)</translation>
    </message>
    <message>
        <source>bridge %1 is down; Docker needs it up</source>
        <translation>le pont %1 est inactif ; Docker a besoin qu&apos;il soit actif</translation>
    </message>
    <message>
        <source>Docker does not answer on %1</source>
        <translation>Docker ne répond pas sur %1</translation>
    </message>
    <message>
        <source>Docker does not answer on %1: %2</source>
        <translation>Docker ne répond pas sur %1 : %2</translation>
    </message>
    <message>
        <source>restarting Docker failed (%1); the previous configuration is back and Docker runs as before</source>
        <translation>le redémarrage de Docker a échoué (%1) ; la configuration précédente est rétablie et Docker fonctionne comme avant</translation>
    </message>
    <message>
        <source>restarting Docker failed (%1), and the previous state could not be brought back</source>
        <translation>le redémarrage de Docker a échoué (%1), et l&apos;état précédent n&apos;a pas pu être rétabli</translation>
    </message>
    <message>
        <source>Docker did not answer after the restart (%1); the previous configuration is back and Docker runs as before</source>
        <translation>Docker n&apos;a pas répondu après le redémarrage (%1) ; la configuration précédente est rétablie et Docker fonctionne comme avant</translation>
    </message>
    <message>
        <source>Docker did not answer after the restart (%1), and the previous state could not be brought back</source>
        <translation>Docker n&apos;a pas répondu après le redémarrage (%1), et l&apos;état précédent n&apos;a pas pu être rétabli</translation>
    </message>
    <message>
        <source>Docker refused the network (%1); everything was put back</source>
        <translation>Docker a refusé le réseau (%1) ; tout a été remis en place</translation>
    </message>
    <message>
        <source>Docker refused the network (%1), and the previous state could not be brought back</source>
        <translation>Docker a refusé le réseau (%1), et l&apos;état précédent n&apos;a pas pu être rétabli</translation>
    </message>
    <message>
        <source>the check after Docker&apos;s restart failed (%1); the previous configuration is back and Docker runs as before</source>
        <translation>la vérification après le redémarrage de Docker a échoué (%1) ; la configuration précédente est rétablie et Docker fonctionne comme avant</translation>
    </message>
    <message>
        <source>the check after Docker&apos;s restart failed (%1), and the previous state could not be brought back</source>
        <translation>la vérification après le redémarrage de Docker a échoué (%1), et l&apos;état précédent n&apos;a pas pu être rétabli</translation>
    </message>
    <message>
        <source>Docker&apos;s configuration failed at &quot;%1&quot; (%2); everything was put back</source>
        <translation>la configuration de Docker a échoué à l&apos;étape « %1 » (%2) ; tout a été remis en place</translation>
    </message>
    <message>
        <source>Docker&apos;s configuration failed at &quot;%1&quot; (%2), and the previous state could not be brought back</source>
        <translation>la configuration de Docker a échoué à l&apos;étape « %1 » (%2), et l&apos;état précédent n&apos;a pas pu être rétabli</translation>
    </message>
    <message>
        <source>the permanent configuration (%1) cannot be written safely</source>
        <translation>la configuration permanente (%1) ne peut pas être écrite sans risque</translation>
    </message>
    <message>
        <source>the permanent configuration (%1) cannot be written safely: %2</source>
        <translation>la configuration permanente (%1) ne peut pas être écrite sans risque : %2</translation>
    </message>
    <message>
        <source>the Docker network %2 is on bridge %1; remove that network first</source>
        <translation>le réseau Docker %2 est sur le pont %1 ; supprimez d&apos;abord ce réseau</translation>
    </message>
    <message>
        <source>Docker&apos;s default network uses bridge %1 (set in %2); give Docker its own docker0 back first</source>
        <translation>le réseau par défaut de Docker utilise le pont %1 (défini dans %2) ; rendez d&apos;abord à Docker son propre docker0</translation>
    </message>
</context>
<context>
    <name>HelperPlanText</name>
    <message>
        <source>Create bridge %1 (STP on)</source>
        <translation>Créer le pont %1 (STP activé)</translation>
    </message>
    <message>
        <source>Create bridge %1 (STP off)</source>
        <translation>Créer le pont %1 (STP désactivé)</translation>
    </message>
    <message>
        <source>Give %1 the MAC address %2</source>
        <translation>Donner à %1 l&apos;adresse MAC %2</translation>
    </message>
    <message>
        <source>Bring %1 up</source>
        <translation>Activer %1</translation>
    </message>
    <message>
        <source>Bring %1 down</source>
        <translation>Désactiver %1</translation>
    </message>
    <message>
        <source>Turn STP on for bridge %1</source>
        <translation>Activer STP sur le pont %1</translation>
    </message>
    <message>
        <source>Turn STP off for bridge %1</source>
        <translation>Désactiver STP sur le pont %1</translation>
    </message>
    <message>
        <source>Make %1 a port of bridge %2</source>
        <translation>Faire de %1 un port du pont %2</translation>
    </message>
    <message>
        <source>Release %1 from bridge %2</source>
        <translation>Retirer %1 du pont %2</translation>
    </message>
    <message>
        <source>Add the address %1 of %2 to %3</source>
        <translation>Ajouter à %3 l&apos;adresse %1 de %2</translation>
    </message>
    <message>
        <source>Give the address %1 back to %3 (from %2)</source>
        <translation>Rendre l&apos;adresse %1 à %3 (depuis %2)</translation>
    </message>
    <message>
        <source>Remove the address %1 from %2</source>
        <translation>Retirer l&apos;adresse %1 de %2</translation>
    </message>
    <message>
        <source>Give the default route (metric %3) back to %2 (from %1)</source>
        <translation>Rendre la route par défaut (métrique %3) à %2 (depuis %1)</translation>
    </message>
    <message>
        <source>Move the default route (metric %3) from %1 to %2</source>
        <translation>Déplacer la route par défaut (métrique %3) de %1 vers %2</translation>
    </message>
    <message>
        <source>Give the default route via %1 (metric %4) back to %3 (from %2)</source>
        <translation>Rendre la route par défaut via %1 (métrique %4) à %3 (depuis %2)</translation>
    </message>
    <message>
        <source>Move the default route via %1 (metric %4) from %2 to %3</source>
        <translation>Déplacer la route par défaut via %1 (métrique %4) de %2 vers %3</translation>
    </message>
    <message>
        <source>Give the route to %1 (metric %4) back to %3 (from %2)</source>
        <translation>Rendre la route vers %1 (métrique %4) à %3 (depuis %2)</translation>
    </message>
    <message>
        <source>Move the route to %1 (metric %4) from %2 to %3</source>
        <translation>Déplacer la route vers %1 (métrique %4) de %2 vers %3</translation>
    </message>
    <message>
        <source>Give the route to %1 via %2 (metric %5) back to %4 (from %3)</source>
        <translation>Rendre la route vers %1 via %2 (métrique %5) à %4 (depuis %3)</translation>
    </message>
    <message>
        <source>Move the route to %1 via %2 (metric %5) from %3 to %4</source>
        <translation>Déplacer la route vers %1 via %2 (métrique %5) de %3 vers %4</translation>
    </message>
    <message>
        <source>Delete bridge %1</source>
        <translation>Supprimer le pont %1</translation>
    </message>
    <message numerus="yes">
        <source>Keep the change only if confirmed within %n second(s); otherwise undo all of it</source>
        <translation>
            <numerusform>Conserver la modification seulement si elle est confirmée dans un délai de %n seconde ; sinon, tout annuler</numerusform>
            <numerusform>Conserver la modification seulement si elle est confirmée dans un délai de %n secondes ; sinon, tout annuler</numerusform>
        </translation>
    </message>
    <message>
        <source>create bridge %1</source>
        <translation>créer le pont %1</translation>
    </message>
    <message>
        <source>delete bridge %1</source>
        <translation>supprimer le pont %1</translation>
    </message>
    <message>
        <source>make %2 a port of bridge %1</source>
        <translation>faire de %2 un port du pont %1</translation>
    </message>
    <message>
        <source>release %2 from bridge %1</source>
        <translation>retirer %2 du pont %1</translation>
    </message>
    <message>
        <source>bring %1 up</source>
        <translation>activer %1</translation>
    </message>
    <message>
        <source>bring %1 down</source>
        <translation>désactiver %1</translation>
    </message>
    <message>
        <source>turn STP on for bridge %1</source>
        <translation>activer STP sur le pont %1</translation>
    </message>
    <message>
        <source>turn STP off for bridge %1</source>
        <translation>désactiver STP sur le pont %1</translation>
    </message>
    <message>
        <source>bridge %2 into %1, moving its addresses and routes</source>
        <translation>intégrer %2 au pont %1 en y déplaçant ses adresses et ses routes</translation>
    </message>
    <message>
        <source>bridge %2 into %1, leaving its addresses on it</source>
        <translation>intégrer %2 au pont %1 en lui laissant ses adresses</translation>
    </message>
    <message>
        <source>Containers are then directly reachable from the LAN: their network security is yours to ensure</source>
        <translation>Les conteneurs sont alors directement joignables depuis le réseau local : leur sécurité réseau est à votre charge</translation>
    </message>
    <message>
        <source>The firewall may silently drop traffic between the LAN and containers on %1 (br_netfilter is loaded and Docker&apos;s FORWARD policy is DROP)</source>
        <translation>Le pare-feu risque de bloquer silencieusement le trafic entre le réseau local et les conteneurs sur %1 (br_netfilter est chargé et la politique FORWARD de Docker est DROP)</translation>
    </message>
    <message>
        <source>NetworkManager manages %1 and may undo a change made only at runtime</source>
        <translation>NetworkManager gère %1 et peut défaire une modification faite seulement à chaud</translation>
    </message>
    <message>
        <source>Bridge %1 is not made permanent: after a reboot it is gone, and Docker does not start until it exists</source>
        <translation>Le pont %1 n&apos;est pas rendu permanent : il disparaît au redémarrage, et Docker ne démarre pas tant qu&apos;il n&apos;existe pas</translation>
    </message>
    <message>
        <source>Docker is not restarted: it uses the new settings only from its next start</source>
        <translation>Docker n&apos;est pas redémarré : il n&apos;utilisera les nouveaux paramètres qu&apos;à son prochain démarrage</translation>
    </message>
    <message>
        <source>The setting bip (%1) is removed: Docker refuses bip together with bridge</source>
        <translation>Le paramètre bip (%1) est supprimé : Docker refuse bip en même temps que bridge</translation>
    </message>
    <message>
        <source>Docker also takes %2 %3 from %1: with both, dockerd would refuse to start</source>
        <translation>Docker prend aussi %2 %3 dans %1 : avec les deux, dockerd refuserait de démarrer</translation>
    </message>
    <message>
        <source>Move %2 %3 from %1 into daemon.json as &quot;%4&quot;</source>
        <translation>Déplacer %2 %3 de %1 vers daemon.json sous la forme « %4 »</translation>
    </message>
    <message>
        <source>Edit %1 (- removed or changed, + added or changed):</source>
        <translation>Modifier %1 (- supprimé ou modifié, + ajouté ou modifié) :</translation>
    </message>
    <message>
        <source>Keep the previous %1 as %2</source>
        <translation>Conserver l&apos;ancien %1 sous le nom %2</translation>
    </message>
    <message>
        <source>Write %1:</source>
        <translation>Écrire %1 :</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>Add the NetworkManager connection &quot;%1&quot; (%2 on %3)</source>
        <translation>Ajouter la connexion NetworkManager « %1 » (%2 sur %3)</translation>
    </message>
    <message>
        <source>Have systemd read its unit files again</source>
        <translation>Faire relire ses fichiers d&apos;unité à systemd</translation>
    </message>
    <message numerus="yes">
        <source>The restart stops %n running container(s) (live-restore is off): %1</source>
        <translation>
            <numerusform>Le redémarrage arrête %n conteneur en cours d&apos;exécution (live-restore est désactivé) : %1</numerusform>
            <numerusform>Le redémarrage arrête %n conteneurs en cours d&apos;exécution (live-restore est désactivé) : %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running container(s) keep running through the restart (live-restore is on): %1</source>
        <translation>
            <numerusform>%n conteneur en cours d&apos;exécution continue de tourner pendant le redémarrage (live-restore est activé) : %1</numerusform>
            <numerusform>%n conteneurs en cours d&apos;exécution continuent de tourner pendant le redémarrage (live-restore est activé) : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Restart Docker through systemd (%1)</source>
        <translation>Redémarrer Docker par systemd (%1)</translation>
    </message>
    <message>
        <source>Restart Docker with its init script (%1)</source>
        <translation>Redémarrer Docker par son script d&apos;init (%1)</translation>
    </message>
    <message>
        <source>Restart Docker with the command %1</source>
        <translation>Redémarrer Docker avec la commande %1</translation>
    </message>
    <message>
        <source>Restart Docker (%1: %2)</source>
        <translation>Redémarrer Docker (%1 : %2)</translation>
    </message>
    <message numerus="yes">
        <source>Wait up to %n second(s) for Docker to answer again</source>
        <translation>
            <numerusform>Attendre jusqu&apos;à %n seconde que Docker réponde de nouveau</numerusform>
            <numerusform>Attendre jusqu&apos;à %n secondes que Docker réponde de nouveau</numerusform>
        </translation>
    </message>
    <message>
        <source>Check that the host kept its default route; put it back if Docker took it</source>
        <translation>Vérifier que l&apos;hôte a gardé sa route par défaut ; la remettre en place si Docker l&apos;a prise</translation>
    </message>
    <message>
        <source>Check that %1 kept its addresses and the host its default route; put them back if Docker took them</source>
        <translation>Vérifier que %1 a gardé ses adresses et l&apos;hôte sa route par défaut ; les remettre en place si Docker les a prises</translation>
    </message>
    <message>
        <source>Create the Docker network %1 on bridge %2 (subnet %3, container addresses from %4, gateway %5)</source>
        <translation>Créer le réseau Docker %1 sur le pont %2 (sous-réseau %3, adresses des conteneurs dans %4, passerelle %5)</translation>
    </message>
    <message>
        <source>Create the Docker network %1 on bridge %2 (subnet %3, container addresses from %4)</source>
        <translation>Créer le réseau Docker %1 sur le pont %2 (sous-réseau %3, adresses des conteneurs dans %4)</translation>
    </message>
    <message>
        <source>Create the Docker network %1 on bridge %2 (subnet %3, gateway %4)</source>
        <translation>Créer le réseau Docker %1 sur le pont %2 (sous-réseau %3, passerelle %4)</translation>
    </message>
    <message>
        <source>Create the Docker network %1 on bridge %2 (subnet %3)</source>
        <translation>Créer le réseau Docker %1 sur le pont %2 (sous-réseau %3)</translation>
    </message>
    <message>
        <source>Remove the Docker network %1</source>
        <translation>Supprimer le réseau Docker %1</translation>
    </message>
    <message>
        <source>Let the firewall forward traffic within bridge %1 (an ACCEPT rule in the DOCKER-USER chain)</source>
        <translation>Laisser le pare-feu transmettre le trafic à l&apos;intérieur du pont %1 (une règle ACCEPT dans la chaîne DOCKER-USER)</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement : %1</translation>
    </message>
    <message>
        <source>expose containers on the physical network: bridge %1 into %2, moving its addresses and routes</source>
        <translation>exposer les conteneurs sur le réseau physique : intégrer %1 au pont %2 en y déplaçant ses adresses et ses routes</translation>
    </message>
    <message>
        <source>then, once confirmed: a Docker network on bridge %1 (Docker is not restarted)</source>
        <translation>puis, une fois la modification confirmée : un réseau Docker sur le pont %1 (Docker n&apos;est pas redémarré)</translation>
    </message>
    <message>
        <source>then, once confirmed: Docker&apos;s default bridge -&gt; %1, and a restart of Docker</source>
        <translation>puis, une fois la modification confirmée : pont par défaut de Docker -&gt; %1, et redémarrage de Docker</translation>
    </message>
    <message>
        <source>containers take addresses from the whole subnet of %1</source>
        <translation>les conteneurs prennent leurs adresses dans tout le sous-réseau de %1</translation>
    </message>
    <message>
        <source>containers take addresses from %1</source>
        <translation>les conteneurs prennent leurs adresses dans %1</translation>
    </message>
    <message>
        <source>their gateway: %1</source>
        <translation>leur passerelle : %1</translation>
    </message>
    <message>
        <source>not made permanent: %1 is gone after a reboot</source>
        <translation>non rendu permanent : %1 disparaît au redémarrage</translation>
    </message>
    <message>
        <source>made permanent: %1 and its port come back after a reboot, and Docker waits for them</source>
        <translation>rendu permanent : %1 et son port reviennent après un redémarrage, et Docker les attend</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>Écriture de %1</translation>
    </message>
    <message>
        <source>Restarting Docker through systemd</source>
        <translation>Redémarrage de Docker par systemd</translation>
    </message>
    <message>
        <source>Restarting Docker with its init script</source>
        <translation>Redémarrage de Docker par son script d&apos;init</translation>
    </message>
    <message>
        <source>Restarting Docker with the configured command</source>
        <translation>Redémarrage de Docker avec la commande configurée</translation>
    </message>
    <message>
        <source>Restarting Docker (%1)</source>
        <translation>Redémarrage de Docker (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for Docker to answer (%n second(s) so far)</source>
        <translation>
            <numerusform>Attente de la réponse de Docker (depuis %n seconde)</numerusform>
            <numerusform>Attente de la réponse de Docker (depuis %n secondes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Docker answers again (after %n second(s))</source>
        <translation>
            <numerusform>Docker répond de nouveau (au bout de %n seconde)</numerusform>
            <numerusform>Docker répond de nouveau (au bout de %n secondes)</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking that %1 kept its addresses and the default route</source>
        <translation>Vérification des adresses de %1 et de la route par défaut</translation>
    </message>
    <message>
        <source>Docker&apos;s configuration is done</source>
        <translation>La configuration de Docker est terminée</translation>
    </message>
    <message>
        <source>Docker took the address %1 from %2 and it could not be put back: %3</source>
        <translation>Docker a pris l&apos;adresse %1 à %2 et elle n&apos;a pas pu être remise en place : %3</translation>
    </message>
    <message>
        <source>The route to %1 via %2 through %3 went away with Docker&apos;s restart and could not be put back: %4</source>
        <translation>La route vers %1 via %2 par %3 a disparu au redémarrage de Docker et n&apos;a pas pu être remise en place : %4</translation>
    </message>
    <message>
        <source>Traffic within %1 could not be allowed in the firewall: %2</source>
        <translation>Le trafic à l&apos;intérieur de %1 n&apos;a pas pu être autorisé dans le pare-feu : %2</translation>
    </message>
    <message>
        <source>The Docker network %1 could not be removed: %2</source>
        <translation>Le réseau Docker %1 n&apos;a pas pu être supprimé : %2</translation>
    </message>
    <message>
        <source>Put the address %1 back on %2 (Docker had taken it)</source>
        <translation>Adresse %1 remise sur %2 (Docker l&apos;avait prise)</translation>
    </message>
    <message>
        <source>Put the route to %1 back through %2 (Docker had taken it)</source>
        <translation>Route vers %1 remise en place par %2 (Docker l&apos;avait prise)</translation>
    </message>
    <message>
        <source>Put the route to %1 via %2 back through %3 (Docker had taken it)</source>
        <translation>Route vers %1 via %2 remise en place par %3 (Docker l&apos;avait prise)</translation>
    </message>
    <message>
        <source>Give %1 back its previous content (kept as %2)</source>
        <translation>Rendre à %1 son contenu précédent (conservé sous le nom %2)</translation>
    </message>
    <message>
        <source>Delete the NetworkManager connection %1</source>
        <translation>Supprimer la connexion NetworkManager %1</translation>
    </message>
    <message numerus="yes">
        <source>The restart stops %n running container(s) (live-restore is off)</source>
        <translation>
            <numerusform>Le redémarrage arrête %n conteneur en cours d&apos;exécution (live-restore est désactivé)</numerusform>
            <numerusform>Le redémarrage arrête %n conteneurs en cours d&apos;exécution (live-restore est désactivé)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running container(s) keep running through the restart (live-restore is on)</source>
        <translation>
            <numerusform>%n conteneur en cours d&apos;exécution continue de tourner pendant le redémarrage (live-restore est activé)</numerusform>
            <numerusform>%n conteneurs en cours d&apos;exécution continuent de tourner pendant le redémarrage (live-restore est activé)</numerusform>
        </translation>
    </message>
    <message>
        <source>Moved %2 %3 from %1 into daemon.json as &quot;%4&quot;</source>
        <translation>%2 %3 déplacé de %1 vers daemon.json sous la forme « %4 »</translation>
    </message>
    <message>
        <source>Wrote %1, which did not exist before:</source>
        <translation>Fichier %1 créé (il n&apos;existait pas) :</translation>
    </message>
    <message>
        <source>Edited %1 (the previous version is kept as %2):</source>
        <translation>Fichier %1 modifié (l&apos;ancienne version est conservée sous le nom %2) :</translation>
    </message>
    <message>
        <source>Kept the previous %1 as %2</source>
        <translation>Ancien %1 conservé sous le nom %2</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Fichier %1 écrit</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>Fichier %1 supprimé</translation>
    </message>
    <message>
        <source>Gave %1 back its previous content (kept as %2)</source>
        <translation>Contenu précédent rendu à %1 (conservé sous le nom %2)</translation>
    </message>
    <message>
        <source>Deleted the NetworkManager connection %1</source>
        <translation>Connexion NetworkManager %1 supprimée</translation>
    </message>
    <message>
        <source>Added the NetworkManager connection &quot;%1&quot; (%2 on %3)</source>
        <translation>Connexion NetworkManager « %1 » ajoutée (%2 sur %3)</translation>
    </message>
    <message>
        <source>Had systemd read its unit files again</source>
        <translation>Fichiers d&apos;unité relus par systemd</translation>
    </message>
    <message numerus="yes">
        <source>The restart stopped %n running container(s) (live-restore is off): %1</source>
        <translation>
            <numerusform>Le redémarrage a arrêté %n conteneur en cours d&apos;exécution (live-restore est désactivé) : %1</numerusform>
            <numerusform>Le redémarrage a arrêté %n conteneurs en cours d&apos;exécution (live-restore est désactivé) : %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The restart stopped %n running container(s) (live-restore is off)</source>
        <translation>
            <numerusform>Le redémarrage a arrêté %n conteneur en cours d&apos;exécution (live-restore est désactivé)</numerusform>
            <numerusform>Le redémarrage a arrêté %n conteneurs en cours d&apos;exécution (live-restore est désactivé)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running container(s) kept running through the restart (live-restore is on): %1</source>
        <translation>
            <numerusform>%n conteneur en cours d&apos;exécution a continué de tourner pendant le redémarrage (live-restore est activé) : %1</numerusform>
            <numerusform>%n conteneurs en cours d&apos;exécution ont continué de tourner pendant le redémarrage (live-restore est activé) : %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running container(s) kept running through the restart (live-restore is on)</source>
        <translation>
            <numerusform>%n conteneur en cours d&apos;exécution a continué de tourner pendant le redémarrage (live-restore est activé)</numerusform>
            <numerusform>%n conteneurs en cours d&apos;exécution ont continué de tourner pendant le redémarrage (live-restore est activé)</numerusform>
        </translation>
    </message>
    <message>
        <source>Restarted Docker through systemd (%1); it answers again</source>
        <translation>Docker redémarré par systemd (%1) ; il répond de nouveau</translation>
    </message>
    <message>
        <source>Restarted Docker through systemd (%1)</source>
        <translation>Docker redémarré par systemd (%1)</translation>
    </message>
    <message>
        <source>Restarted Docker with its init script (%1); it answers again</source>
        <translation>Docker redémarré par son script d&apos;init (%1) ; il répond de nouveau</translation>
    </message>
    <message>
        <source>Restarted Docker with its init script (%1)</source>
        <translation>Docker redémarré par son script d&apos;init (%1)</translation>
    </message>
    <message>
        <source>Restarted Docker with the command %1; it answers again</source>
        <translation>Docker redémarré avec la commande %1 ; il répond de nouveau</translation>
    </message>
    <message>
        <source>Restarted Docker with the command %1</source>
        <translation>Docker redémarré avec la commande %1</translation>
    </message>
    <message>
        <source>Restarted Docker (%1: %2); it answers again</source>
        <translation>Docker redémarré (%1 : %2) ; il répond de nouveau</translation>
    </message>
    <message>
        <source>Restarted Docker (%1: %2)</source>
        <translation>Docker redémarré (%1 : %2)</translation>
    </message>
    <message>
        <source>Created the Docker network %1 on bridge %2 (subnet %3)</source>
        <translation>Réseau Docker %1 créé sur le pont %2 (sous-réseau %3)</translation>
    </message>
    <message>
        <source>Removed the Docker network %1</source>
        <translation>Réseau Docker %1 supprimé</translation>
    </message>
    <message>
        <source>Added an ACCEPT rule to the DOCKER-USER chain: the firewall forwards traffic within bridge %1</source>
        <translation>Règle ACCEPT ajoutée à la chaîne DOCKER-USER : le pare-feu transmet le trafic à l&apos;intérieur du pont %1</translation>
    </message>
    <message>
        <source>The setting fixed-cidr (%1) is removed: containers take addresses from the whole subnet of the bridge</source>
        <translation>Le paramètre fixed-cidr (%1) est supprimé : les conteneurs prennent leurs adresses dans tout le sous-réseau du pont</translation>
    </message>
    <message>
        <source>The setting default-gateway (%1) is removed: the containers&apos; gateway is the bridge&apos;s own address</source>
        <translation>Le paramètre default-gateway (%1) est supprimé : la passerelle des conteneurs est l&apos;adresse du pont lui-même</translation>
    </message>
    <message>
        <source>now: a Docker network on bridge %1 (Docker is not restarted)</source>
        <translation>maintenant : un réseau Docker sur le pont %1 (Docker n&apos;est pas redémarré)</translation>
    </message>
    <message>
        <source>now: Docker&apos;s default bridge -&gt; %1, and a restart of Docker</source>
        <translation>maintenant : pont par défaut de Docker -&gt; %1, et redémarrage de Docker</translation>
    </message>
    <message>
        <source>made permanent: %1 and its port come back after a reboot</source>
        <translation>rendu permanent : %1 et son port reviennent après un redémarrage</translation>
    </message>
    <message>
        <source>Restarting Docker failed: putting the previous configuration back</source>
        <translation>Le redémarrage de Docker a échoué : rétablissement de la configuration précédente</translation>
    </message>
    <message>
        <source>Docker did not answer after the restart: putting the previous configuration back</source>
        <translation>Docker n&apos;a pas répondu après le redémarrage : rétablissement de la configuration précédente</translation>
    </message>
    <message>
        <source>The check after Docker&apos;s restart failed: putting the previous configuration back</source>
        <translation>La vérification après le redémarrage de Docker a échoué : rétablissement de la configuration précédente</translation>
    </message>
    <message>
        <source>systemd could not read its unit files again: putting the previous configuration back</source>
        <translation>systemd n&apos;a pas pu relire ses fichiers d&apos;unité : rétablissement de la configuration précédente</translation>
    </message>
    <message>
        <source>Docker refused the network: putting the previous configuration back</source>
        <translation>Docker a refusé le réseau : rétablissement de la configuration précédente</translation>
    </message>
    <message>
        <source>A step failed: putting the previous configuration back</source>
        <translation>Une étape a échoué : rétablissement de la configuration précédente</translation>
    </message>
    <message>
        <source>A step failed (%1): putting the previous configuration back</source>
        <translation>Une étape a échoué (%1) : rétablissement de la configuration précédente</translation>
    </message>
</context>
<context>
    <name>LinkChangeText</name>
    <message>
        <source>Bridge %1 into a new bridge</source>
        <translation>Ajouter %1 à un nouveau pont</translation>
    </message>
    <message>
        <source>Bridge %1 into the new bridge %2</source>
        <translation>Ajouter %1 au nouveau pont %2</translation>
    </message>
    <message>
        <source>Bridge %1 into %2</source>
        <translation>Ajouter %1 au pont %2</translation>
    </message>
    <message>
        <source>Create a bridge</source>
        <translation>Créer un pont</translation>
    </message>
    <message>
        <source>Create the bridge %1</source>
        <translation>Créer le pont %1</translation>
    </message>
    <message>
        <source>Delete the bridge %1</source>
        <translation>Supprimer le pont %1</translation>
    </message>
    <message>
        <source>Add %1 to %2 as a port</source>
        <translation>Faire de %1 un port de %2</translation>
    </message>
    <message>
        <source>Remove %1 from the bridge %2</source>
        <translation>Retirer %1 du pont %2</translation>
    </message>
    <message>
        <source>Bring %1 up</source>
        <translation>Activer %1</translation>
    </message>
    <message>
        <source>Bring %1 down</source>
        <translation>Désactiver %1</translation>
    </message>
    <message>
        <source>Turn STP on for %1</source>
        <translation>Activer STP sur %1</translation>
    </message>
    <message>
        <source>Turn STP off for %1</source>
        <translation>Désactiver STP sur %1</translation>
    </message>
    <message>
        <source>Expose containers on the network of %1 through %2</source>
        <translation>Exposer les conteneurs sur le réseau de %1 par le pont %2</translation>
    </message>
    <message>
        <source>Give Docker its own docker0 back</source>
        <translation>Rendre à Docker son propre docker0</translation>
    </message>
</context>
<context>
    <name>LinkCommand</name>
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
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>Bring a link up or down. passerelle-helper makes the change once polkit authorizes it, which may ask for a password. Bringing down the link of the default route or of a remote session is undone after 60 seconds unless &quot;passerellectl confirm&quot; keeps it.</source>
        <translation>Active ou désactive une interface. passerelle-helper effectue la modification une fois que polkit l&apos;autorise, ce qui peut demander un mot de passe. La désactivation de l&apos;interface de la route par défaut ou d&apos;une session à distance est annulée au bout de 60 secondes, sauf si « passerellectl confirm » la conserve.</translation>
    </message>
    <message>
        <source>usage: passerellectl link set NAME up|down [--confirm-timeout SECONDS] [--dry-run]</source>
        <translation>utilisation : passerellectl link set NOM up|down [--confirm-timeout SECONDES] [--dry-run]</translation>
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
  bridge add-port BRIDGE PORT          Bridge PORT into BRIDGE, moving its addresses
         [--keep-addresses]            (--keep-addresses: leave them on PORT)
  bridge remove-port BRIDGE PORT       Release PORT from BRIDGE
  bridge stp BRIDGE on|off             Turn STP on or off on a bridge
  link set NAME up|down                Bring a link up or down
  docker use-bridge BRIDGE [OPTIONS]   Docker&apos;s default network on BRIDGE, then a restart
  docker reset-bridge [--no-restart]   Docker&apos;s own docker0 again
  docker status [--json]               The bridge Docker uses, where each setting comes from
  expose PORT --bridge BRIDGE [OPTIONS]
                                       Containers on the physical network: bridge PORT into
                                       BRIDGE now; once confirmed, Docker is set up for it
  plan COMMAND ...                     What a bridge, link, docker or expose command would change
  status                               Your change waiting for confirmation, if any
  confirm [TRANSACTION]                Keep a change waiting for confirmation
  revert [TRANSACTION]                 Undo it now

Changing commands take --confirm-timeout SECONDS (undone then unless confirmed)
and --dry-run (print the steps, change nothing).
docker use-bridge and expose take --fixed-cidr CIDR, --default-gateway IP,
--mode default-bridge|network, --network NAME, --persist|--no-persist (expose makes
the bridge permanent unless --no-persist), --move-options, --allow-forwarding.
Containers exposed on the LAN are reachable from it: their security is yours to ensure.
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
  bridge add-port PONT PORT            Intégrer PORT au pont PONT en y déplaçant ses adresses
         [--keep-addresses]            (--keep-addresses : les laisser à PORT)
  bridge remove-port PONT PORT         Retirer PORT de PONT
  bridge stp PONT on|off               Activer ou désactiver STP sur un pont
  link set NOM up|down                 Activer ou désactiver une interface
  docker use-bridge PONT [OPTIONS]     Le réseau par défaut de Docker sur PONT, puis un redémarrage
  docker reset-bridge [--no-restart]   Rendre à Docker son propre docker0
  docker status [--json]               Le pont qu&apos;utilise Docker, l&apos;origine de chaque paramètre
  expose PORT --bridge PONT [OPTIONS]
                                       Les conteneurs sur le réseau physique : intégrer PORT
                                       au pont PONT tout de suite ; une fois la modification
                                       confirmée, Docker est configuré pour ce pont
  plan COMMANDE ...                    Ce que changerait une commande bridge, link, docker ou expose
  status                               Votre modification en attente de confirmation, s&apos;il y en a une
  confirm [TRANSACTION]                Conserver une modification en attente de confirmation
  revert [TRANSACTION]                 L&apos;annuler tout de suite

Les commandes qui modifient acceptent --confirm-timeout SECONDES (annulation ensuite
sauf confirmation) et --dry-run (afficher les étapes sans rien modifier).
docker use-bridge et expose acceptent --fixed-cidr CIDR, --default-gateway IP,
--mode default-bridge|network, --network NOM, --persist|--no-persist (expose rend
le pont permanent, sauf avec --no-persist), --move-options, --allow-forwarding.
Les conteneurs exposés sur le réseau local sont joignables depuis celui-ci : leur
sécurité est à votre charge.
Options communes : --json, --no-docker, -H/--docker-host URL, --help
Lancez « passerellectl COMMANDE --help » pour en savoir plus sur une commande.
</translation>
    </message>
    <message>
        <source>usage: passerellectl plan bridge|link|docker|expose ARGUMENTS...</source>
        <translation>utilisation : passerellectl plan bridge|link|docker|expose ARGUMENTS...</translation>
    </message>
    <message>
        <source>--lang needs a language (supported: %1)</source>
        <translation>--lang attend une langue (langues prises en charge : %1)</translation>
    </message>
    <message>
        <source>unsupported language &quot;%1&quot; for --lang (supported: %2)</source>
        <translation>langue « %1 » non prise en charge pour --lang (langues prises en charge : %2)</translation>
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
    <name>Passerelle::ChangePreviewDialog</name>
    <message>
        <source>Name of the new bridge:</source>
        <translation>Nom du nouveau pont :</translation>
    </message>
    <message>
        <source>Move %1&apos;s addresses and routes to the bridge (recommended)</source>
        <translation>Déplacer les adresses et les routes de %1 vers le pont (recommandé)</translation>
    </message>
    <message>
        <source>Turn on the Spanning Tree Protocol (STP) on the new bridge</source>
        <translation>Activer le Spanning Tree Protocol (STP) sur le nouveau pont</translation>
    </message>
    <message>
        <source>Leave it off unless this bridge closes a loop with other bridges: with STP on, every new port stays blocked for the forward delay, about 30 seconds, before it forwards traffic.</source>
        <translation>Laissez-le désactivé, sauf si ce pont ferme une boucle avec d&apos;autres ponts : avec STP activé, chaque nouveau port reste bloqué pendant le délai de transmission (forward delay), environ 30 secondes, avant de transmettre le trafic.</translation>
    </message>
    <message>
        <source>What will change:</source>
        <translation>Ce qui va changer :</translation>
    </message>
    <message>
        <source>Ask me to confirm</source>
        <translation>Me demander de confirmer</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds, after a number</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>Revert automatically after:</source>
        <translation>Annuler automatiquement après :</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>%1 keeps its addresses (%2), but a port does not use them: this host loses its network the moment %1 becomes a port.</source>
        <translation>%1 garde ses adresses (%2), mais un port ne s&apos;en sert pas : cet hôte perd son réseau dès que %1 devient un port.</translation>
    </message>
    <message>
        <source>Without this, the host loses its network the moment %1 becomes a port.</source>
        <translation>Sans cela, l&apos;hôte perd son réseau dès que %1 devient un port.</translation>
    </message>
    <message>
        <source>Required for this change: it touches the link that carries the default route or a remote session. Unless you keep the changes in time, everything is put back by itself.</source>
        <translation>Obligatoire pour cette modification : elle touche l&apos;interface qui porte la route par défaut ou une session à distance. Si vous ne conservez pas les modifications à temps, tout est remis en l&apos;état automatiquement.</translation>
    </message>
    <message>
        <source>Required for this change: %1 Unless you keep the changes in time, everything is put back by itself.</source>
        <translation>Obligatoire pour cette modification : %1 Si vous ne conservez pas les modifications à temps, tout est remis en l&apos;état automatiquement.</translation>
    </message>
    <message>
        <source>Should this change cut you off, it is put back by itself unless you keep it in time.</source>
        <translation>Si cette modification vous coupe du réseau, elle est annulée automatiquement, à moins que vous ne la conserviez à temps.</translation>
    </message>
    <message>
        <source>Recommended: %1 Should this change cut you off, it is put back by itself unless you keep it in time.</source>
        <translation>Recommandé : %1 Si cette modification vous coupe du réseau, elle est annulée automatiquement, à moins que vous ne la conserviez à temps.</translation>
    </message>
    <message>
        <source>Enter a name for the new bridge.</source>
        <translation>Saisissez un nom pour le nouveau pont.</translation>
    </message>
    <message>
        <source>Asking the Passerelle helper what will change…</source>
        <translation>Le service auxiliaire de Passerelle calcule ce qui va changer…</translation>
    </message>
    <message>
        <source>Nothing to change: the links are already like this.</source>
        <translation>Rien à changer : les interfaces sont déjà dans cet état.</translation>
    </message>
    <message>
        <source>Docker&apos;s default network goes back to docker0, the bridge Docker makes itself. The bridge it used stays as it is, with its ports and addresses.</source>
        <translation>Le réseau par défaut de Docker revient sur docker0, le pont que Docker crée lui-même. Le pont qu&apos;il utilisait reste tel quel, avec ses ports et ses adresses.</translation>
    </message>
    <message>
        <source>Nothing to change: Docker already uses its own docker0.</source>
        <translation>Rien à changer : Docker utilise déjà son propre docker0.</translation>
    </message>
</context>
<context>
    <name>Passerelle::ConfirmBanner</name>
    <message>
        <source>Check Again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conserver</translation>
    </message>
    <message>
        <source>Make these changes final</source>
        <translation>Rendre ces modifications définitives</translation>
    </message>
    <message>
        <source>Revert Now</source>
        <translation>Annuler maintenant</translation>
    </message>
    <message>
        <source>Put back the links as they were before the change</source>
        <translation>Remettre les interfaces dans leur état d&apos;avant la modification</translation>
    </message>
    <message>
        <source>+%1 s</source>
        <comment>more seconds before the automatic revert</comment>
        <translation>+%1 s</translation>
    </message>
    <message numerus="yes">
        <source>Give me %n more second(s) to decide</source>
        <translation>
            <numerusform>Me laisser %n seconde de plus pour décider</numerusform>
            <numerusform>Me laisser %n secondes de plus pour décider</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Reverting the changes…</source>
        <translation>Annulation des modifications…</translation>
    </message>
    <message>
        <source>Checking the gateway…</source>
        <translation>Vérification de la passerelle…</translation>
    </message>
    <message>
        <source>Checking whether the gateway %1 answers…</source>
        <translation>Vérification de la réponse de la passerelle %1…</translation>
    </message>
    <message>
        <source>✔ Gateway %1 answers</source>
        <translation>✔ La passerelle %1 répond</translation>
    </message>
    <message>
        <source>⚠ Gateway %1 does not answer: keeping these changes may leave this host without network</source>
        <translation>⚠ La passerelle %1 ne répond pas : conserver ces modifications risque de laisser cet hôte sans réseau</translation>
    </message>
    <message>
        <source>No default gateway to check</source>
        <translation>Aucune passerelle par défaut à vérifier</translation>
    </message>
    <message>
        <source>Changes kept</source>
        <translation>Modifications conservées</translation>
    </message>
    <message>
        <source>Changes reverted: the links are as they were before</source>
        <translation>Modifications annulées : les interfaces sont revenues à leur état d&apos;avant</translation>
    </message>
    <message>
        <source>The change failed and was undone</source>
        <translation>La modification a échoué et a été entièrement défaite</translation>
    </message>
    <message>
        <source>Keep these changes? Reverting in %1 s</source>
        <translation>Conserver ces modifications ? Annulation dans %1 s</translation>
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
    <name>Passerelle::ExposeAddressPage</name>
    <message>
        <source>Container addresses</source>
        <translation>Adresses des conteneurs</translation>
    </message>
    <message>
        <source>The part of the LAN the containers take their addresses from, and their gateway.</source>
        <translation>La partie du réseau local où les conteneurs prennent leurs adresses, et leur passerelle.</translation>
    </message>
    <message>
        <source>such as 192.168.1.192/26</source>
        <translation>par exemple 192.168.1.192/26</translation>
    </message>
    <message>
        <source>such as 192.168.1.1</source>
        <translation>par exemple 192.168.1.1</translation>
    </message>
    <message>
        <source>Containers&apos; address range (fixed-cidr):</source>
        <translation>Plage d&apos;adresses des conteneurs (fixed-cidr) :</translation>
    </message>
    <message>
        <source>Containers&apos; gateway (default-gateway):</source>
        <translation>Passerelle des conteneurs (default-gateway) :</translation>
    </message>
    <message>
        <source>%1 has no IPv4 address, so nothing can be proposed or checked here: enter the range and gateway of the LAN yourself. The helper checks them against %2 before it changes anything.</source>
        <translation>%1 n&apos;a pas d&apos;adresse IPv4 : rien ne peut être proposé ni vérifié ici, saisissez vous-même la plage et la passerelle du réseau local. Le service auxiliaire les vérifie par rapport à %2 avant de modifier quoi que ce soit.</translation>
    </message>
    <message>
        <source>%1 is on the network %2, where this host has the address %3. No default route of this host leads through it.</source>
        <translation>%1 est sur le réseau %2, où cet hôte a l&apos;adresse %3. Aucune route par défaut de cet hôte ne passe par %1.</translation>
    </message>
    <message>
        <source>%1 is on the network %2, where this host has the address %3 and its gateway is %4.</source>
        <translation>%1 est sur le réseau %2, où cet hôte a l&apos;adresse %3 et la passerelle %4.</translation>
    </message>
    <message>
        <source>This network is too small to set a part aside for containers.</source>
        <translation>Ce réseau est trop petit pour en réserver une partie aux conteneurs.</translation>
    </message>
    <message numerus="yes">
        <source>Proposed: %1, a quarter of the network at its top (%n addresses). DHCP servers usually hand out addresses from the bottom of the network: keep the containers&apos; range out of your DHCP server&apos;s pool and away from machines with fixed addresses, or two machines will answer to the same address.</source>
        <translation>
            <numerusform>Proposition : %1, le quart supérieur du réseau (%n adresse). Les serveurs DHCP distribuent en général les adresses à partir du bas du réseau : gardez la plage des conteneurs hors de la plage de votre serveur DHCP et à l&apos;écart des machines à adresse fixe, sinon deux machines répondront à la même adresse.</numerusform>
            <numerusform>Proposition : %1, le quart supérieur du réseau (%n adresses). Les serveurs DHCP distribuent en général les adresses à partir du bas du réseau : gardez la plage des conteneurs hors de la plage de votre serveur DHCP et à l&apos;écart des machines à adresse fixe, sinon deux machines répondront à la même adresse.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Passerelle::ExposeDockerPage</name>
    <message>
        <source>Docker</source>
        <translation>Docker</translation>
    </message>
    <message>
        <source>Choose which containers join the LAN, and whether the setup survives a reboot.</source>
        <translation>Les conteneurs qui rejoignent le réseau local, et si la configuration survit à un redémarrage.</translation>
    </message>
    <message>
        <source>Make it permanent</source>
        <translation>Rendre permanent</translation>
    </message>
    <message>
        <source>Name of the Docker network:</source>
        <translation>Nom du réseau Docker :</translation>
    </message>
    <message>
        <source>Docker&apos;s default network on %1</source>
        <translation>Le réseau par défaut de Docker sur %1</translation>
    </message>
    <message>
        <source>A Docker network of its own on %1</source>
        <translation>Un réseau Docker dédié sur %1</translation>
    </message>
    <message>
        <source>The way Docker recommends: only containers started with --network and this name join the LAN, and they can have fixed addresses (--ip). Docker is not restarted.</source>
        <translation>La méthode que recommande Docker : seuls les conteneurs démarrés avec --network et ce nom rejoignent le réseau local, et ils peuvent avoir une adresse fixe (--ip). Docker n&apos;est pas redémarré.</translation>
    </message>
    <message>
        <source>A Docker network&apos;s name starts with a letter or a digit, followed by letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation>Le nom d&apos;un réseau Docker commence par une lettre ou un chiffre, suivi de lettres, de chiffres, de « _ », « . » ou « - ».</translation>
    </message>
    <message>
        <source>%1 and its port are written into the configuration of the service that manages this host&apos;s network, and Docker waits for %1 at boot.</source>
        <translation>%1 et son port sont écrits dans la configuration du service qui gère le réseau de cet hôte, et Docker attend %1 au démarrage.</translation>
    </message>
    <message>
        <source>Without it, %1 is gone after a reboot, and Docker, which needs it, may then fail to start.</source>
        <translation>Sans cela, %1 disparaît au redémarrage, et Docker, qui en a besoin, risque alors de ne pas démarrer.</translation>
    </message>
    <message>
        <source>As the manual way does (-b=%1 in /etc/default/docker): every container started without --network joins the LAN. Docker is restarted once; the preview lists the running containers it stops.</source>
        <translation>Comme la méthode manuelle (-b=%1 dans /etc/default/docker) : tout conteneur rejoint le réseau local s&apos;il est démarré sans --network. Docker est redémarré une fois ; l&apos;aperçu liste les conteneurs en cours d&apos;exécution que cela arrête.</translation>
    </message>
</context>
<context>
    <name>Passerelle::ExposePlanView</name>
    <message>
        <source>Before you apply:</source>
        <translation>Avant d&apos;appliquer :</translation>
    </message>
    <message>
        <source>Now, on the network (put back unless you keep it):</source>
        <translation>Tout de suite, sur le réseau (annulé si vous ne le conservez pas) :</translation>
    </message>
    <message>
        <source>Nothing: the links are already like this.</source>
        <translation>Rien : les interfaces sont déjà dans cet état.</translation>
    </message>
    <message>
        <source>Then, once you keep the changes, Docker:</source>
        <translation>Ensuite, une fois les modifications conservées, Docker :</translation>
    </message>
    <message>
        <source>Changes to %1:</source>
        <translation>Modifications de %1 :</translation>
    </message>
    <message>
        <source>File %1:</source>
        <translation>Fichier %1 :</translation>
    </message>
    <message>
        <source>Containers that Docker&apos;s restart stops:</source>
        <translation>Conteneurs arrêtés par le redémarrage de Docker :</translation>
    </message>
    <message>
        <source>Live restore is off: these running containers stop while Docker restarts. Those with a restart policy start again; the others stay stopped.</source>
        <translation>L&apos;option live-restore est désactivée : ces conteneurs en cours d&apos;exécution s&apos;arrêtent pendant le redémarrage de Docker. Ceux qui ont une politique de redémarrage repartent ; les autres restent arrêtés.</translation>
    </message>
    <message>
        <source>Containers that keep running:</source>
        <translation>Conteneurs qui continuent de tourner :</translation>
    </message>
    <message>
        <source>Live restore is on: these containers keep running while Docker restarts, on the network they had; containers started afterwards use the new one.</source>
        <translation>L&apos;option live-restore est activée : ces conteneurs continuent de tourner pendant le redémarrage de Docker, sur le réseau qu&apos;ils avaient ; les conteneurs démarrés ensuite utilisent le nouveau.</translation>
    </message>
</context>
<context>
    <name>Passerelle::ExposePortPage</name>
    <message>
        <source>Port and bridge</source>
        <translation>Port et pont</translation>
    </message>
    <message>
        <source>The network the containers join, and the bridge that carries it.</source>
        <translation>Le réseau que rejoignent les conteneurs, et le pont qui le porte.</translation>
    </message>
    <message>
        <source>Containers get addresses on the network this port is plugged into. The port becomes a port of a bridge, which carries the host&apos;s addresses from then on, and Docker puts its containers on that bridge.</source>
        <translation>Les conteneurs reçoivent des adresses sur le réseau auquel ce port est branché. Le port devient un port d&apos;un pont, qui porte dès lors les adresses de l&apos;hôte, et Docker place ses conteneurs sur ce pont.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>port (its addresses)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Physical port:</source>
        <translation>Port physique :</translation>
    </message>
    <message>
        <source>Bridge:</source>
        <translation>Pont :</translation>
    </message>
    <message>
        <source>No physical port to expose: this host has no uplink.</source>
        <translation>Aucun port physique à exposer : cet hôte n&apos;a pas de liaison montante.</translation>
    </message>
    <message>
        <source>%1 is already a port of %2: the network stays as it is, and only Docker is set up.</source>
        <translation>%1 est déjà un port de %2 : le réseau reste tel quel, et seul Docker est configuré.</translation>
    </message>
    <message>
        <source>%1 exists: %2 becomes one of its ports, and %2&apos;s addresses and routes move onto it.</source>
        <translation>%1 existe : %2 devient l&apos;un de ses ports, et les adresses et les routes de %2 passent sur %1.</translation>
    </message>
    <message>
        <source>%1 will be created with %2&apos;s MAC address, so the LAN&apos;s DHCP server and switches see the same machine; %2&apos;s addresses and routes move onto it, then %2 becomes its port.</source>
        <translation>%1 sera créé avec l&apos;adresse MAC de %2, pour que le serveur DHCP et les commutateurs du réseau local voient la même machine ; les adresses et les routes de %2 passent sur %1, puis %2 devient son port.</translation>
    </message>
</context>
<context>
    <name>Passerelle::ExposePreviewPage</name>
    <message>
        <source>What will change</source>
        <translation>Ce qui va changer</translation>
    </message>
    <message>
        <source>Nothing has changed yet.</source>
        <translation>Rien n&apos;a encore changé.</translation>
    </message>
    <message>
        <source>Apply makes the network part now, on trial: unless you keep it, it is put back by itself. Docker is set up only once you keep it.</source>
        <translation>« Appliquer » effectue tout de suite la partie réseau, à l&apos;essai : si vous ne la conservez pas, elle est annulée d&apos;elle-même. Docker n&apos;est configuré qu&apos;une fois la modification conservée.</translation>
    </message>
    <message>
        <source>Containers are then directly reachable from the LAN, like any machine plugged into it, and no longer behind this host&apos;s NAT: their network security (open ports, firewall, updates) is yours to ensure.</source>
        <translation>Les conteneurs sont alors directement joignables depuis le réseau local, comme toute machine qui y est branchée, et ne sont plus derrière le NAT de cet hôte : leur sécurité réseau (ports ouverts, pare-feu, mises à jour) est à votre charge.</translation>
    </message>
    <message>
        <source>Asking the Passerelle helper what will change…</source>
        <translation>Le service auxiliaire de Passerelle calcule ce qui va changer…</translation>
    </message>
</context>
<context>
    <name>Passerelle::ExposeWizard</name>
    <message>
        <source>Expose Containers on the Physical Network</source>
        <translation>Exposer les conteneurs sur le réseau physique</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
</context>
<context>
    <name>Passerelle::GraphEditing</name>
    <message>
        <source>A change is being applied…</source>
        <translation>Une modification est en cours…</translation>
    </message>
    <message>
        <source>A change waits for your answer at the top of the window</source>
        <translation>Une modification attend votre réponse en haut de la fenêtre</translation>
    </message>
    <message>
        <source>your remote session arrives through %1.</source>
        <translation>votre session à distance arrive par %1.</translation>
    </message>
    <message>
        <source>%1 carries the default route.</source>
        <translation>%1 porte la route par défaut.</translation>
    </message>
    <message>
        <source>%1…</source>
        <comment>a change on its way, such as &quot;Bridge em1 into br0…&quot;</comment>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Fait : %1</translation>
    </message>
    <message>
        <source>A change made elsewhere (%1)</source>
        <translation>Une modification faite ailleurs (%1)</translation>
    </message>
    <message>
        <source>Keeping the changes…</source>
        <translation>Conservation des modifications…</translation>
    </message>
    <message>
        <source>Reverting the changes…</source>
        <translation>Annulation des modifications…</translation>
    </message>
    <message>
        <source>Setting Docker up…</source>
        <translation>Configuration de Docker…</translation>
    </message>
    <message>
        <source>Keeping the network changes, then reconfiguring Docker; a restart of Docker can take a minute.</source>
        <translation>Conservation des modifications du réseau, puis reconfiguration de Docker ; un redémarrage de Docker peut prendre une minute.</translation>
    </message>
    <message>
        <source>Done: Docker uses its own docker0 again.</source>
        <translation>C&apos;est fait : Docker utilise de nouveau son propre docker0.</translation>
    </message>
    <message>
        <source>Done: Docker uses its own docker0 again from its next start.</source>
        <translation>C&apos;est fait : Docker utilisera de nouveau son propre docker0 à son prochain démarrage.</translation>
    </message>
    <message>
        <source>Nothing to change: Docker already uses its own docker0.</source>
        <translation>Rien à changer : Docker utilise déjà son propre docker0.</translation>
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
    <message>
        <source>Docker</source>
        <translation>Docker</translation>
    </message>
    <message>
        <source>Default network now on</source>
        <translation>Réseau par défaut actuel sur</translation>
    </message>
    <message>
        <source>unknown: Docker does not answer</source>
        <translation>inconnu : Docker ne répond pas</translation>
    </message>
    <message>
        <source>Default bridge set in</source>
        <translation>Pont par défaut défini dans</translation>
    </message>
    <message>
        <source>nowhere: Docker&apos;s own %1</source>
        <translation>nulle part : le %1 propre à Docker</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>file (value)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Takes effect</source>
        <translation>Prend effet</translation>
    </message>
    <message>
        <source>at Docker&apos;s next restart</source>
        <translation>au prochain redémarrage de Docker</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>value (file)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Containers&apos; address range</source>
        <translation>Plage d&apos;adresses des conteneurs</translation>
    </message>
    <message>
        <source>Containers&apos; gateway</source>
        <translation>Passerelle des conteneurs</translation>
    </message>
    <message>
        <source>Docker&apos;s own bridge address (bip)</source>
        <translation>Adresse du pont de Docker (bip)</translation>
    </message>
    <message>
        <source>Live restore</source>
        <translation>Conteneurs maintenus (live-restore)</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <comment>value in file</comment>
        <translation>%1 dans %2</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <source>%1 is set in two places (%2): Docker refuses to start until one goes.</source>
        <translation>%1 est défini à deux endroits (%2) : Docker refuse de démarrer tant que l&apos;un des deux n&apos;est pas retiré.</translation>
    </message>
    <message>
        <source>Cannot read</source>
        <translation>Illisible</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>file (error)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Back to docker0</source>
        <translation>Revenir à docker0</translation>
    </message>
    <message>
        <source>Docker menu ▸ Give Docker Its Own docker0 Back…</source>
        <comment>the menu and its entry</comment>
        <translation>menu Docker ▸ Rendre à Docker son propre docker0…</translation>
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
    <name>Passerelle::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Passerelle will use %1 from its next start.</source>
        <translation>Passerelle utilisera %1 à son prochain démarrage.</translation>
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
    <message>
        <source>Expose Containers on the Physical Network…</source>
        <translation>Exposer les conteneurs sur le réseau physique…</translation>
    </message>
    <message>
        <source>Bridge a physical port and put Docker&apos;s containers on its network</source>
        <translation>Intégrer un port physique à un pont et placer les conteneurs Docker sur son réseau</translation>
    </message>
    <message>
        <source>&amp;Docker</source>
        <translation>&amp;Docker</translation>
    </message>
    <message>
        <source>Give Docker Its Own docker0 Back…</source>
        <translation>Rendre à Docker son propre docker0…</translation>
    </message>
    <message>
        <source>Take Docker&apos;s default network off the bridge it was given, back onto docker0; the bridge itself stays</source>
        <translation>Ramener le réseau par défaut de Docker sur docker0, hors du pont qui lui avait été donné ; ce pont reste en place</translation>
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
    <name>Passerelle::NodeMenus</name>
    <message>
        <source>New Bridge…</source>
        <translation>Nouveau pont…</translation>
    </message>
    <message>
        <source>Bridge Into</source>
        <translation>Ajouter au pont</translation>
    </message>
    <message>
        <source>Remove from %1</source>
        <translation>Retirer de %1</translation>
    </message>
    <message>
        <source>Bring Down</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Bring Up</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>Turn STP Off</source>
        <translation>Désactiver STP</translation>
    </message>
    <message>
        <source>Turn STP On</source>
        <translation>Activer STP</translation>
    </message>
    <message>
        <source>Delete Bridge</source>
        <translation>Supprimer le pont</translation>
    </message>
    <message>
        <source>Expose Containers on This Network…</source>
        <translation>Exposer les conteneurs sur ce réseau…</translation>
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
    <name>TransactionCommand</name>
    <message>
        <source>Show the change of yours that passerelle-helper keeps on trial: what it is, how many seconds are left, and that it is undone then unless confirmed.</source>
        <translation>Affiche votre modification que passerelle-helper garde à l&apos;essai : ce qu&apos;elle fait, le nombre de secondes restantes, et son annulation à l&apos;échéance sauf confirmation.</translation>
    </message>
    <message>
        <source>Keep a change that waits for confirmation. Without TRANSACTION, your only one.</source>
        <translation>Conserve une modification qui attend une confirmation. Sans TRANSACTION, votre seule modification en attente.</translation>
    </message>
    <message>
        <source>Undo now a change that waits for confirmation. Without TRANSACTION, your only one.</source>
        <translation>Annule tout de suite une modification qui attend une confirmation. Sans TRANSACTION, votre seule modification en attente.</translation>
    </message>
    <message>
        <source>TRANSACTION</source>
        <translation>TRANSACTION</translation>
    </message>
    <message>
        <source>The handle the change was given (optional).</source>
        <translation>L&apos;identifiant donné à la modification (facultatif).</translation>
    </message>
    <message>
        <source>[TRANSACTION]</source>
        <translation>[TRANSACTION]</translation>
    </message>
    <message>
        <source>usage: passerellectl status</source>
        <translation>utilisation : passerellectl status</translation>
    </message>
    <message>
        <source>usage: passerellectl %1 [TRANSACTION]</source>
        <translation>utilisation : passerellectl %1 [TRANSACTION]</translation>
    </message>
    <message>
        <source>No change of yours waits for confirmation.
</source>
        <translation>Aucune de vos modifications n&apos;attend de confirmation.
</translation>
    </message>
    <message>
        <source>Waiting for confirmation: %1
</source>
        <translation>En attente de confirmation : %1
</translation>
    </message>
    <message>
        <source>  transaction %1
</source>
        <translation>  transaction %1
</translation>
    </message>
    <message numerus="yes">
        <source>  undone in %n second(s) unless kept with &quot;passerellectl confirm&quot;
</source>
        <translation>
            <numerusform>  annulée dans %n seconde, sauf si « passerellectl confirm » la conserve
</numerusform>
            <numerusform>  annulée dans %n secondes, sauf si « passerellectl confirm » la conserve
</numerusform>
        </translation>
    </message>
    <message>
        <source>no change of yours waits for confirmation</source>
        <translation>aucune de vos modifications n&apos;attend de confirmation</translation>
    </message>
    <message>
        <source>several changes wait for confirmation; name one (see &quot;passerellectl status&quot;)</source>
        <translation>plusieurs modifications attendent une confirmation ; précisez laquelle (voir « passerellectl status »)</translation>
    </message>
    <message>
        <source>Keeping: %1
</source>
        <translation>Conservation : %1
</translation>
    </message>
    <message>
        <source>Done: the change is kept and the Docker network on bridge %1 is ready.
</source>
        <translation>C&apos;est fait : la modification est conservée et le réseau Docker sur le pont %1 est prêt.
</translation>
    </message>
    <message>
        <source>Done: the change is kept and Docker&apos;s default bridge is %1.
</source>
        <translation>C&apos;est fait : la modification est conservée et le pont par défaut de Docker est %1.
</translation>
    </message>
    <message>
        <source>Reverted.
</source>
        <translation>Modification annulée.
</translation>
    </message>
    <message>
        <source>Kept.
</source>
        <translation>Modification conservée.
</translation>
    </message>
    <message>
        <source>Creating the Docker network on bridge %1:
</source>
        <translation>Création du réseau Docker sur le pont %1 :
</translation>
    </message>
    <message>
        <source>Setting Docker up; its restart can take a minute:
</source>
        <translation>Configuration de Docker ; son redémarrage peut prendre une minute :
</translation>
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
