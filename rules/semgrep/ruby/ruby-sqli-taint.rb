class UsersController < ApplicationController
  def index
    name = params[:name]
    # ruleid: ruby-sqli-taint
    @users = User.where("name = '#{name}'")
    # ok: ruby-sqli-taint
    @users = User.where("name = ?", name)
    # ok: ruby-sqli-taint
    @users = User.where(name: name)
    # ruleid: ruby-sqli-taint
    @users = User.order(params[:sort] + " DESC")
    # ok: ruby-sqli-taint
    @users = User.order(created_at: :desc)
    render json: @users
  end

  def search
    term = params[:q]
    sql = "SELECT * FROM users WHERE bio LIKE '%" + term + "%'"
    # ruleid: ruby-sqli-taint
    rows = ActiveRecord::Base.connection.execute(sql)
    # ok: ruby-sqli-taint
    rows = User.where("bio LIKE ?", "%#{User.sanitize_sql_like(term)}%")
    # ruleid: ruby-sqli-taint
    found = User.find_by_sql("SELECT * FROM users WHERE team = '#{cookies[:team]}'")
    # ok: ruby-sqli-taint
    found = User.find_by_sql(["SELECT * FROM users WHERE id = ?", params[:id].to_i])
    render json: { rows: rows, found: found }
  end
end
