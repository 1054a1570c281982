class SessionsController < ApplicationController
  def create
    # ruleid: ruby-cookie-insecure-flags
    cookies[:auth] = { value: token, httponly: false }
    # ruleid: ruby-cookie-insecure-flags
    cookies.signed[:remember] = { value: token, secure: false, httponly: true }
    # ok: ruby-cookie-insecure-flags
    cookies.encrypted[:auth] = { value: token, httponly: true, secure: true, same_site: :lax }
    # ok: ruby-cookie-insecure-flags
    cookies[:theme] = "dark"
  end
end
