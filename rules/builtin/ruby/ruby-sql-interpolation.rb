class UsersController < ApplicationController
  def index
    # ruleid: ruby-sql-interpolation
    @users = User.where("name = '#{params[:name]}'")
    # ruleid: ruby-sql-interpolation
    @sorted = User.order("#{params[:sort]} ASC")
    # ruleid: ruby-sql-interpolation
    rows = ActiveRecord::Base.connection.execute("DELETE FROM sessions WHERE user_id = " + params[:id])
    # ok: ruby-sql-interpolation
    @users = User.where(name: params[:name])
    # ok: ruby-sql-interpolation
    @users = User.where("name = ?", params[:name])
    # ok: ruby-sql-interpolation
    @sorted = User.order(params[:sort] == "name" ? :name : :created_at)
    # ok: ruby-sql-interpolation
    @recent = User.where("created_at > ?", 1.week.ago)
  end
end
