// ruleid: secret-jwt
const headers = { Authorization: "Bearer %%fake:jwt%%" };
// ok: secret-jwt
const unsigned = "%%fake:jwt-unsigned%%";
// ok: secret-jwt
const headers2 = { Authorization: `Bearer ${token}` };
