class PreviewsController < ApplicationController
  def show
    # ruleid: ruby-ssrf-request-url
    body = Net::HTTP.get(URI(params[:url]))
    # ruleid: ruby-ssrf-request-url
    res = HTTParty.get(params[:feed])
    # ok: ruby-ssrf-request-url
    res = HTTParty.get("https://api.example.com/items/#{CGI.escape(params[:id])}")
    # ok: ruby-ssrf-request-url
    body = Net::HTTP.get(URI("https://api.example.com/status"))
  end
end
