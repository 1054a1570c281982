class User < ApplicationRecord
  # ruleid: ruby-regex-line-anchors
  validates :username, format: { with: /^[a-z0-9_]+$/ }
  # ruleid: ruby-regex-line-anchors
  validates :homepage, format: { with: /https?:\/\/[\w.]+$/ }
  # ok: ruby-regex-line-anchors
  validates :username, format: { with: /\A[a-z0-9_]+\z/ }
  # ok: ruby-regex-line-anchors
  validates :email, presence: true
end
