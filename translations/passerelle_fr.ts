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
        <translation>SOUS-COMMANDE</translation>
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
    <message numerus="yes">
        <source>Done. The change is undone in %n second(s) unless you keep it with:
  passerellectl confirm %1
</source>
        <translation>
            <numerusform>C&apos;est fait. La modification sera annulée dans %n seconde, sauf si vous la conservez avec :
  passerellectl confirm %1
</numerusform>
            <numerusform>C&apos;est fait. La modification sera annulée dans %n secondes, sauf si vous la conservez avec :
  passerellectl confirm %1
</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing would change.
</source>
        <translation>Rien ne changerait.
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
  plan COMMAND ...                     What a bridge or link command would change
  status                               Your change waiting for confirmation, if any
  confirm [TRANSACTION]                Keep a change waiting for confirmation
  revert [TRANSACTION]                 Undo it now

Changing commands take --confirm-timeout SECONDS (undone then unless confirmed)
and --dry-run (print the steps, change nothing).
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
  plan COMMANDE ...                    Ce que changerait une commande bridge ou link
  status                               Votre modification en attente de confirmation, s&apos;il y en a une
  confirm [TRANSACTION]                Conserver une modification en attente de confirmation
  revert [TRANSACTION]                 L&apos;annuler tout de suite

Les commandes qui modifient acceptent --confirm-timeout SECONDES (annulation ensuite
sauf confirmation) et --dry-run (afficher les étapes sans rien modifier).
Options communes : --json, --no-docker, -H/--docker-host URL, --help
Lancez « passerellectl COMMANDE --help » pour en savoir plus sur une commande.
</translation>
    </message>
    <message>
        <source>usage: passerellectl plan bridge|link ARGUMENTS...</source>
        <translation>utilisation : passerellectl plan bridge|link ARGUMENTS...</translation>
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
