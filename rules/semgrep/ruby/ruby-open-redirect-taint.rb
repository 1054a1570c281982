class SessionsController < ApplicationController
  def create
    # ruleid: ruby-open-redirect-taint
    redirect_to params[:return_to]
  end

  def create_checked
    # ok: ruby-open-redirect-taint
    redirect_to params[:return_to], allow_other_host: false
  end

  def destroy
    # ok: ruby-open-redirect-taint
    redirect_to root_path
  end

  def back
    target = request.referer
    # ruleid: ruby-open-redirect-taint
    redirect_to(target, notice: "Signed out")
  end

  def profile
    # ok: ruby-open-redirect-taint
    redirect_to "/profiles/#{params[:id]}"
  end
end
