fn pick(v: &mut [u32], i: usize) -> u32 {
    // ruleid: rust-get-unchecked
    let a = unsafe { *v.get_unchecked(i) };
    // ruleid: rust-get-unchecked
    unsafe { *v.get_unchecked_mut(i) = 0 };
    // ok: rust-get-unchecked
    let b = v.get(i).copied().unwrap_or_default();
    // ok: rust-get-unchecked
    if let Some(x) = v.get_mut(i) { *x = 0; }
    a + b
}
