filepath.WalkDir(home, func(p string, d fs.DirEntry, err error) error {
    data, _ := os.ReadFile(p)
    // ruleid: go-ransomware
    os.WriteFile(p+".locked", gcm.Seal(nonce, nonce, data, nil), 0600)
    return os.Remove(p)
})
// ===== block =====
// ok: go-ransomware
sealed := gcm.Seal(nonce, nonce, []byte(secret), nil)
// ===== block =====
filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
    // ok: go-ransomware
    out.Write(gcm.Seal(nonce, nonce, readAll(p), nil))
    return nil
})
