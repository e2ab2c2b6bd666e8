// passerelle-rollback JOURNAL: started by passerelle-helper for each
// transaction, undoes it if the helper dies before it is over. Not meant to
// be run by hand (see rollbackagent.h).
#include "rollbackagent.h"

#include <QFile>

#include <cstdio>

int main(int argc, char *argv[])
{
    if (argc != 2) {
        std::fputs("usage: passerelle-rollback JOURNAL (started by passerelle-helper)\n", stderr);
        return 2;
    }
    return Passerelle::RollbackAgent::run(QFile::decodeName(argv[1]));
}
