module ProfileHelper
  def bio(params, user)
    # ruleid: ruby-unescaped-output
    params[:bio].html_safe
    # ruleid: ruby-unescaped-output
    "<b>#{user.name}</b>".html_safe
    # ruleid: ruby-unescaped-output
    raw params[:message]
    # ok: ruby-unescaped-output
    sanitize(params[:bio], tags: %w[b i em])
    # ok: ruby-unescaped-output
    content_tag(:b, user.name)
    # ok: ruby-unescaped-output
    "<b>Maintenance tonight</b>".html_safe
  end
end
