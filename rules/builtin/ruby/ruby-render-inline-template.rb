class GreetingsController < ApplicationController
  def show
    # ruleid: ruby-render-inline-template
    render inline: "<h1>Hello #{params[:name]}</h1>"
    # ruleid: ruby-render-inline-template
    render inline: params[:template]
    # ok: ruby-render-inline-template
    render inline: "<h1>Hello <%= name %></h1>", locals: { name: params[:name] }
    # ok: ruby-render-inline-template
    render :show, locals: { name: params[:name] }
  end
end
