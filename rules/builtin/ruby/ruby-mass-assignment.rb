class UsersController < ApplicationController
  def update
    # ruleid: ruby-mass-assignment
    @user.update(params[:user])
    # ruleid: ruby-mass-assignment
    User.create!(params.permit!)
    # ok: ruby-mass-assignment
    @user.update(user_params)
    # ok: ruby-mass-assignment
    User.create!(params.require(:user).permit(:name, :email))
  end

  private

  # ok: ruby-mass-assignment
  def user_params = params.require(:user).permit(:name, :email)
end
