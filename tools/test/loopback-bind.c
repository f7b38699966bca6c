/* LD_PRELOAD shim for test peers that cannot choose their bind address (Orthanc 1.10, DCMTK's storescp and
 * dcmqrscp): an IPv4 bind to INADDR_ANY becomes a bind to 127.0.0.1, so they listen on loopback only.
 * Built by tests/Teleread.Testing/LoopbackOnly.cs with `gcc -shared -fPIC -o loopback-bind.so loopback-bind.c -ldl`. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
    static int (*real_bind)(int, const struct sockaddr *, socklen_t);
    if (!real_bind)
        real_bind = (int (*)(int, const struct sockaddr *, socklen_t))dlsym(RTLD_NEXT, "bind");
    if (addr && addr->sa_family == AF_INET && len >= (socklen_t)sizeof(struct sockaddr_in)) {
        struct sockaddr_in copy;
        memcpy(&copy, addr, sizeof copy);
        if (copy.sin_addr.s_addr == htonl(INADDR_ANY)) {
            copy.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            return real_bind(fd, (const struct sockaddr *)&copy, sizeof copy);
        }
    }
    return real_bind(fd, addr, len);
}
