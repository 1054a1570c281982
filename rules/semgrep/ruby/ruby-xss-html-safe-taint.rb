class PagesController < ApplicationController
  def greet
    name = params[:name]
    # ruleid: ruby-xss-html-safe-taint
    @greeting = "<h1>Hello #{name}</h1>".html_safe
    # ok: ruby-xss-html-safe-taint
    @greeting = "<h1>Hello #{ERB::Util.html_escape(name)}</h1>".html_safe
    # ok: ruby-xss-html-safe-taint
    @footer = "<footer>Thanks</footer>".html_safe
  end

  def preview
    # ruleid: ruby-xss-html-safe-taint
    render html: params[:body].html_safe
  end

  def preview_safe
    # ok: ruby-xss-html-safe-taint
    render html: sanitize(params[:body]).html_safe
  end

  def inline
    # ruleid: ruby-xss-html-safe-taint
    render inline: "<p>#{params[:message]}</p>"
  end

  def plain
    # ok: ruby-xss-html-safe-taint
    render plain: params[:message]
  end
end
