class SessionsController < ApplicationController
  def create
    # ruleid: ruby-open-redirect
    redirect_to params[:return_to]
    # ruleid: ruby-open-redirect
    redirect_to(request.referer || root_path)
    # ok: ruby-open-redirect
    redirect_to params[:return_to], allow_other_host: false
    # ok: ruby-open-redirect
    redirect_to root_path
    # ok: ruby-open-redirect
    redirect_to safe_return_path(params[:return_to])
  end
end
