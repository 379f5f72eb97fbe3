/* Swift cannot call C variadic functions, so the few variadic libmicrohttpd
 * entry points Asah needs are wrapped here in plain inline functions. */
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <microhttpd.h>

/** Everything `asah_start_daemon` needs, in one struct. */
struct asah_daemon_options {
  unsigned int flags;
  const struct sockaddr *address;
  unsigned int thread_pool_size;
  unsigned int connection_timeout;
  size_t connection_memory_limit;
  unsigned int connection_limit;
  unsigned int per_ip_connection_limit;
  const char *tls_key_pem;  /* NULL unless MHD_USE_TLS */
  const char *tls_cert_pem; /* NULL unless MHD_USE_TLS */
  MHD_AccessHandlerCallback handler;
  void *handler_cls;
  MHD_RequestCompletedCallback completed;
  void *(*uri_logger) (void *cls, const char *uri, struct MHD_Connection *con);
  void *completed_cls;
};

static inline struct MHD_Daemon *
asah_start_daemon (const struct asah_daemon_options *o)
{
  struct MHD_OptionItem items[12];
  int n = 0;
  unsigned int flags = o->flags;
  items[n++] = (struct MHD_OptionItem) { MHD_OPTION_SOCK_ADDR, 0, (void *) o->address };
  items[n++] = (struct MHD_OptionItem) { MHD_OPTION_THREAD_POOL_SIZE, o->thread_pool_size, NULL };
  items[n++] = (struct MHD_OptionItem) { MHD_OPTION_CONNECTION_TIMEOUT, o->connection_timeout, NULL };
  items[n++] = (struct MHD_OptionItem) { MHD_OPTION_CONNECTION_MEMORY_LIMIT, (intptr_t) o->connection_memory_limit, NULL };
  items[n++] = (struct MHD_OptionItem) { MHD_OPTION_CONNECTION_LIMIT, o->connection_limit, NULL };
  items[n++] = (struct MHD_OptionItem) { MHD_OPTION_PER_IP_CONNECTION_LIMIT, o->per_ip_connection_limit, NULL };
  items[n++] = (struct MHD_OptionItem) { MHD_OPTION_NOTIFY_COMPLETED, (intptr_t) o->completed, o->completed_cls };
  items[n++] = (struct MHD_OptionItem) { MHD_OPTION_URI_LOG_CALLBACK, (intptr_t) o->uri_logger, o->completed_cls };
  if (o->tls_key_pem != NULL && o->tls_cert_pem != NULL)
  {
    flags |= MHD_USE_TLS;
    items[n++] = (struct MHD_OptionItem) { MHD_OPTION_HTTPS_MEM_KEY, 0, (void *) o->tls_key_pem };
    items[n++] = (struct MHD_OptionItem) { MHD_OPTION_HTTPS_MEM_CERT, 0, (void *) o->tls_cert_pem };
  }
  items[n] = (struct MHD_OptionItem) { MHD_OPTION_END, 0, NULL };
  return MHD_start_daemon (flags, 0, NULL, NULL, o->handler, o->handler_cls,
                           MHD_OPTION_ARRAY, items, MHD_OPTION_END);
}

/** The port the daemon listens on (useful after binding port 0). */
static inline uint16_t
asah_daemon_port (struct MHD_Daemon *d)
{
  const union MHD_DaemonInfo *info = MHD_get_daemon_info (d, MHD_DAEMON_INFO_BIND_PORT);
  return info == NULL ? 0 : info->port;
}

/** The client's address as text ("127.0.0.1", "::1"), written into buf. */
static inline void
asah_client_address (struct MHD_Connection *c, char *buf, size_t len)
{
  buf[0] = '\0';
  const union MHD_ConnectionInfo *info =
    MHD_get_connection_info (c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  if (info == NULL || info->client_addr == NULL)
    return;
  const struct sockaddr *sa = info->client_addr;
  if (sa->sa_family == AF_INET)
    inet_ntop (AF_INET, &((const struct sockaddr_in *) sa)->sin_addr, buf, (socklen_t) len);
  else if (sa->sa_family == AF_INET6)
    inet_ntop (AF_INET6, &((const struct sockaddr_in6 *) sa)->sin6_addr, buf, (socklen_t) len);
}
