class FilesController < ApplicationController
  BASE = "/srv/files"

  def show
    name = params[:name]
    # ruleid: ruby-path-traversal-taint
    send_file File.join(BASE, name)
  end

  def show_safe
    name = params[:name]
    # ok: ruby-path-traversal-taint
    send_file File.join(BASE, File.basename(name))
  end

  def read
    # ruleid: ruby-path-traversal-taint
    body = File.read("/srv/notes/#{params[:note]}.txt")
    # ok: ruby-path-traversal-taint
    body += File.read("/srv/notes/index.txt")
    render plain: body
  end

  def destroy
    # ruleid: ruby-path-traversal-taint
    File.delete(Rails.root.join("tmp", "uploads", params[:file]))
    # ok: ruby-path-traversal-taint
    File.delete(Rails.root.join("tmp", "uploads", "latest.tmp"))
    head :no_content
  end
end
