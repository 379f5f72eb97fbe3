#include <ldap.h>

/* LDAP_SASL_SIMPLE is a cast NULL, which Swift does not import: a simple bind, named. */
static inline int asah_ldap_simple_bind(LDAP *ld, const char *dn, struct berval *password) {
    return ldap_sasl_bind_s(ld, dn, LDAP_SASL_SIMPLE, password, NULL, NULL, NULL);
}
