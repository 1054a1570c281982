// ruleid: rust-hardcoded-credential
const API_KEY: &str = "sk_live_51HxQ2fA9";
// ok: rust-hardcoded-credential
const API_KEY_ENV: &str = "API_KEY";

fn connect() -> String {
    // ruleid: rust-hardcoded-credential
    let db_password = "Winter2024!";
    // ok: rust-hardcoded-credential
    let password = std::env::var("DB_PASSWORD").expect("DB_PASSWORD");
    format!("{db_password}{password}")
}
