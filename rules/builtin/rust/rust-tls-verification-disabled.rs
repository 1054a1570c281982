fn client(ca: reqwest::Certificate) -> reqwest::Result<reqwest::Client> {
    // ruleid: rust-tls-verification-disabled
    let bad = reqwest::Client::builder().danger_accept_invalid_certs(true).build()?;
    // ruleid: rust-tls-verification-disabled
    builder.set_verify(SslVerifyMode::NONE);
    // ok: rust-tls-verification-disabled
    let good = reqwest::Client::builder().add_root_certificate(ca).build()?;
    // ok: rust-tls-verification-disabled
    builder.set_verify(SslVerifyMode::PEER);
    Ok(good)
}
