use sha2::{Digest, Sha256};

fn fingerprint(data: &[u8]) -> Vec<u8> {
    // ruleid: rust-weak-hash
    let a = md5::compute(data);
    // ruleid: rust-weak-hash
    let b = sha1::Sha1::digest(data);
    // ok: rust-weak-hash
    let c = Sha256::digest(data);
    // ok: rust-weak-hash
    let mut h = Sha256::new();
    let _ = (a, b);
    c.to_vec()
}
