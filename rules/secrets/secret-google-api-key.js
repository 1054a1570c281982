// ruleid: secret-google-api-key
const MAPS_KEY = "%%fake:google-api-key%%";
// ok: secret-google-api-key
const MAPS_KEY = process.env.GOOGLE_MAPS_KEY;
// ok: secret-google-api-key
const MAPS_KEY = "AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX";
