class AdminController < ApplicationController
  def destroy
    # ruleid: ruby-role-from-params
    if params[:admin] == "true"
      User.find(params[:id]).destroy
    end
    # ruleid: ruby-role-from-params
    return head(:forbidden) unless params[:role] == "admin"
    # ok: ruby-role-from-params
    return head(:forbidden) unless current_user.admin?
    # ok: ruby-role-from-params
    User.find(params[:id]).destroy if can?(:destroy, User)
  end
end
