class Admin::UsersController < ApplicationController
  # ruleid: ruby-skip-authentication
  skip_before_action :authenticate_user!
  # ruleid: ruby-skip-authentication
  skip_before_action :require_login
  # ok: ruby-skip-authentication
  skip_before_action :authenticate_user!, only: %i[index show]
  # ok: ruby-skip-authentication
  before_action :authenticate_user!
end
