class DownloadsController < ApplicationController
  def show
    # ruleid: ruby-path-traversal
    send_file Rails.root.join("public", "files", params[:name])
    # ruleid: ruby-path-traversal
    data = File.read("/srv/reports/#{params[:report]}")
    # ok: ruby-path-traversal
    send_file Rails.root.join("public", "files", File.basename(params[:name]))
    # ok: ruby-path-traversal
    data = File.read(Rails.root.join("public", "index.html"))
  end
end
