#include <string.h>
#include <stdlib.h>
// ruleid: c-hardcoded-credential
#define DB_PASSWORD "Winter2024!"
// ok: c-hardcoded-credential
#define PASSWORD_MAX 64

int authenticate(const char *user, const char *password) {
    // ruleid: c-hardcoded-credential
    const char *api_key = "sk_live_51HxQ2f";
    // ruleid: c-hardcoded-credential
    static char admin_password[] = "hunter2-admin";
    // ruleid: c-hardcoded-credential
    if (strcmp(password, "letmein") == 0) return 1;
    // ok: c-hardcoded-credential
    const char *db_password = getenv("DB_PASSWORD");
    // ok: c-hardcoded-credential
    const char *password_prompt = "Password: ";
    // ok: c-hardcoded-credential
    char password_buf[PASSWORD_MAX] = "";
    // ok: c-hardcoded-credential
    const char *token = "<your token here>";
    // ok: c-hardcoded-credential
    if (strcmp(user, "admin") == 0) return 0;
    return db_password != NULL && api_key && admin_password[0] && password_prompt && token && password_buf[0] == 0;
}
