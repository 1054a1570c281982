import androidx.biometric.BiometricPrompt

fun unlock(prompt: BiometricPrompt, promptInfo: BiometricPrompt.PromptInfo, cipher: javax.crypto.Cipher) {
    // ruleid: kotlin-biometric-without-crypto
    prompt.authenticate(promptInfo)
    // ok: kotlin-biometric-without-crypto
    prompt.authenticate(promptInfo, BiometricPrompt.CryptoObject(cipher))
    // ok: kotlin-biometric-without-crypto
    val info = BiometricPrompt.PromptInfo.Builder().setTitle("Unlock").setNegativeButtonText("Cancel").build()
}
